package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;

/**
 * 2-D convolution (cross-correlation) on NCHW input with OIHW weight; mirrors
 * {@code torch.nn.functional.conv2d} ({@code ConvolutionBackward0}).
 *
 * <p>Padding is {@code {pH, pW}} (symmetric) or {@code {top, bottom, left, right}}; asymmetric
 * padding (TF's "SAME" with an even kernel or a stride) is a {@link ConstantPadNd} followed by an
 * unpadded convolution. Backward runs libnd4j's {@code conv2d_bp} once for both gradients; when a
 * graph of the backward is recorded, the gradients are themselves differentiable ops.
 */
public final class Conv2d extends Node {
    private final SavedTensor input;
    private final SavedTensor weight;
    private final long[] inputShape;
    private final long[] weightShape;
    private final ConvGeometry geometry;

    private Conv2d(Tensor x, Tensor w, Tensor b, ConvGeometry geometry) {
        super(x, w, b);
        // The input gradient needs the weight, the weight gradient the input.
        this.input = needsInputGrad(1) ? save(x) : null;
        this.weight = needsInputGrad(0) ? save(w) : null;
        this.inputShape = x.shape();
        this.weightShape = w.shape();
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "ConvolutionBackward0";
    }

    /** {@code F.conv2d(x, w, b, stride, padding, dilation, groups)}; {@code b} may be null. */
    public static Tensor apply(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation,
            int groups) {
        String op = "conv2d";
        int[] s = NnArgs.spatial(op, "stride", stride, 2);
        int[] d = NnArgs.spatial(op, "dilation", dilation, 2);
        int[] p = NnArgs.padding4(op, padding);
        NnArgs.checkConv(op, "(N,C,H,W)", x, w, b, s, p, d, groups);
        if (p[0] == p[1] && p[2] == p[3]) {
            return forward(x, w, b, new ConvGeometry(s, new int[] {p[0], p[2]}, d, groups));
        }
        Tensor padded = ConstantPadNd.apply(x, new long[] {p[2], p[3], p[0], p[1]}, 0);
        return forward(padded, w, b, new ConvGeometry(s, new int[] {0, 0}, d, groups));
    }

    /** The checked core: symmetric padding from {@code geometry}. */
    static Tensor forward(Tensor x, Tensor w, Tensor b, ConvGeometry g) {
        Tensor out = Tensor.wrap(Kernels.nn().conv2d(x.array(), w.array(), b == null ? null : b.array(),
                g.stride(), g.padding(), g.dilation(), g.groups()));
        return record(out, () -> new Conv2d(x, w, b, g), x, w, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = null;
        Tensor gw = null;
        if (needsInputGrad(0) && needsInputGrad(1)) {
            Tensor[] both = ConvBackward.apply(input.get(), weight.get(), g, geometry);
            gx = both[0];
            gw = both[1];
        } else if (needsInputGrad(0)) {
            gx = ConvTranspose2d.inputGrad(g, weight.get(), inputShape, geometry);
        } else if (needsInputGrad(1)) {
            gw = ConvWeightGrad.apply(input.get(), g, weightShape, geometry);
        }
        Tensor gb = needsInputGrad(2) ? g.sum(new int[] {0, 2, 3}, false) : null;
        return new Tensor[] {gx, gw, gb};
    }
}
