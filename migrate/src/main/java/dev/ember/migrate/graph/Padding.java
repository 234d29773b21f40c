package dev.ember.migrate.graph;

import dev.ember.migrate.graph.GraphConverter.Unsupported;
import dev.ember.migrate.graph.Val.Layout;
import org.tensorflow.proto.NodeDef;

/**
 * TF's {@code VALID}/{@code SAME} padding of a 2-D window op on a known input size: {@code SAME}
 * puts the odd extra pixel at the end (bottom/right), which PyTorch's symmetric padding cannot say,
 * so asymmetric cases get an explicit {@code Functional.pad} first (checkpoint-and-layout.md §5.3).
 */
record Padding(long top, long bottom, long left, long right, long outH, long outW) {

    static Padding of(NodeDef n, Val x, long[] kernel, int[] stride, int[] dilation) {
        String mode = Attrs.string(n, "padding", "VALID");
        long h = x.dim(1);
        long w = x.dim(2);
        long kh = (kernel[0] - 1) * dilation[0] + 1;
        long kw = (kernel[1] - 1) * dilation[1] + 1;
        switch (mode) {
            case "VALID":
                return new Padding(0, 0, 0, 0, h > 0 ? (h - kh) / stride[0] + 1 : -1, w > 0 ? (w - kw) / stride[1] + 1 : -1);
            case "SAME": {
                if (h <= 0 || w <= 0) {
                    throw new Unsupported("padding SAME needs the input's static height and width (the graph has "
                            + java.util.Arrays.toString(x.shape()) + "); give the placeholder a full shape");
                }
                long oh = (h + stride[0] - 1) / stride[0];
                long ow = (w + stride[1] - 1) / stride[1];
                long th = Math.max((oh - 1) * stride[0] + kh - h, 0);
                long tw = Math.max((ow - 1) * stride[1] + kw - w, 0);
                return new Padding(th / 2, th - th / 2, tw / 2, tw - tw / 2, oh, ow);
            }
            default:
                throw new Unsupported("padding " + mode + " is not converted (VALID and SAME are)");
        }
    }

    boolean symmetric() {
        return top == bottom && left == right;
    }

    /** The input expression to run the op on: {@code x} itself, or {@code x} explicitly padded when asymmetric. */
    String padded(NodeDef n, Val x, double value, GraphConverter g) {
        if (symmetric()) {
            return x.expr();
        }
        String v = value == 0 ? "" : value == Double.NEGATIVE_INFINITY ? ", Double.NEGATIVE_INFINITY" : ", " + value;
        return g.emit(n.getName() + "/pad", "SAME padding, extra pixel at the end",
                "Functional.pad(" + x.expr() + ", new long[] {" + left + ", " + right + ", " + top + ", " + bottom + "}" + v
                        + ")", Layout.NCHW, null, x.dtype(), null).expr();
    }

    String describe() {
        if (top == 0 && bottom == 0 && left == 0 && right == 0) {
            return "";
        }
        return " (top " + top + ", bottom " + bottom + ", left " + left + ", right " + right + ")";
    }
}
