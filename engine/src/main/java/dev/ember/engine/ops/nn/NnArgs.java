package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/** Argument checks and shape arithmetic shared by the convolution and pooling ops; messages follow PyTorch's. */
final class NnArgs {
    private NnArgs() {
    }

    /** {@code v} as one value per spatial dimension: a single value is repeated. */
    static int[] spatial(String op, String arg, int[] v, int dims) {
        if (v == null || (v.length != 1 && v.length != dims)) {
            throw new IllegalArgumentException(op + ": " + arg + " must have 1 or " + dims + " values, got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        int[] out = new int[dims];
        for (int i = 0; i < dims; i++) {
            out[i] = v[v.length == 1 ? 0 : i];
        }
        return out;
    }

    /**
     * 2-D padding as {@code {top, bottom, left, right}}: from one value, {@code {pH, pW}}
     * (symmetric) or the explicit four.
     */
    static int[] padding4(String op, int[] padding) {
        if (padding == null || (padding.length != 1 && padding.length != 2 && padding.length != 4)) {
            throw new IllegalArgumentException(op + ": padding must have 1, 2 (pH, pW) or 4 (top, bottom, left, "
                    + "right) values, got " + (padding == null ? "null" : Arrays.toString(padding)));
        }
        if (padding.length == 4) {
            return padding.clone();
        }
        int ph = padding[0];
        int pw = padding[padding.length - 1];
        return new int[] {ph, ph, pw, pw};
    }

    /**
     * Checks a convolution's arguments: {@code pads} holds {@code {before, after}} per spatial
     * dimension, {@code layout} names the input's dimensions, e.g. {@code (N,C,H,W)}.
     */
    static void checkConv(String op, String layout, Tensor x, Tensor w, Tensor b, int[] stride, int[] pads,
            int[] dilation, int groups) {
        int dims = stride.length;
        Checks.rank(op, "input", x, dims + 2, layout);
        Checks.rank(op, "weight", w, dims + 2, dims == 2 ? "(out_channels, in_channels/groups, kH, kW)"
                : "(out_channels, in_channels/groups, kL)");
        Checks.floating(op, "input", x);
        sameDtype(op, x, w, b);
        if (groups <= 0) {
            throw new IllegalArgumentException(op + ": non-positive groups is not supported, got groups=" + groups);
        }
        long[] xs = x.shape();
        long[] ws = w.shape();
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException(op + ": given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + Shapes.str(ws) + " instead");
        }
        if (xs[1] != ws[1] * groups) {
            throw new IllegalArgumentException(op + ": given groups=" + groups + ", weight of size " + Shapes.str(ws)
                    + ", expected input " + Shapes.str(xs) + " to have " + ws[1] * groups
                    + " channels, but got " + xs[1] + " channels instead");
        }
        checkBias(op, b, ws[0], ws);
        checkStrideDilation(op, stride, dilation);
        for (int p : pads) {
            if (p < 0) {
                throw new IllegalArgumentException(op + ": negative padding is not supported, got padding="
                        + Arrays.toString(pads));
            }
        }
        long[] padded = new long[dims];
        long[] kernel = new long[dims];
        boolean fits = true;
        for (int i = 0; i < dims; i++) {
            padded[i] = xs[2 + i] + pads[2 * i] + pads[2 * i + 1];
            kernel[i] = (long) dilation[i] * (ws[2 + i] - 1) + 1;
            fits &= kernel[i] <= padded[i];
        }
        if (!fits) {
            throw new IllegalArgumentException(op + ": calculated padded input size per channel: (" + join(padded)
                    + "). Kernel size: (" + join(kernel) + "). Kernel size can't be greater than actual input size");
        }
    }

    /** Checks a transposed convolution's channels and bias; weight (in_channels, out_channels/groups, kH, kW). */
    static void checkConvTranspose(String op, Tensor x, Tensor w, Tensor b, int[] stride, int[] padding,
            int[] outputPadding, int[] dilation, int groups) {
        Checks.rank(op, "input", x, 4, "(N,C,H,W)");
        Checks.rank(op, "weight", w, 4, "(in_channels, out_channels/groups, kH, kW)");
        Checks.floating(op, "input", x);
        sameDtype(op, x, w, b);
        if (groups <= 0) {
            throw new IllegalArgumentException(op + ": non-positive groups is not supported, got groups=" + groups);
        }
        long[] ws = w.shape();
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException(op + ": given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + Shapes.str(ws) + " instead");
        }
        if (x.size(1) != ws[0]) {
            throw new IllegalArgumentException(op + ": given transposed=1, weight of size " + Shapes.str(ws)
                    + ", expected input " + Shapes.str(x.shape()) + " to have " + ws[0] + " channels, but got "
                    + x.size(1) + " channels instead");
        }
        checkBias(op, b, ws[1] * groups, ws);
        checkStrideDilation(op, stride, dilation);
        for (int i = 0; i < 2; i++) {
            if (padding[i] < 0 || outputPadding[i] < 0) {
                throw new IllegalArgumentException(op + ": negative padding is not supported, got padding="
                        + Arrays.toString(padding) + ", outputPadding=" + Arrays.toString(outputPadding));
            }
            if (outputPadding[i] >= Math.max(stride[i], dilation[i])) {
                throw new IllegalArgumentException(op + ": output padding must be smaller than either stride or "
                        + "dilation, but got outputPadding=" + Arrays.toString(outputPadding) + ", stride="
                        + Arrays.toString(stride) + ", dilation=" + Arrays.toString(dilation));
            }
        }
    }

    private static void sameDtype(String op, Tensor x, Tensor w, Tensor b) {
        if (w.dtype() != x.dtype()) {
            throw new IllegalArgumentException(op + ": input type (" + x.dtype() + ") and weight type (" + w.dtype()
                    + ") should be the same");
        }
        if (b != null && b.dtype() != x.dtype()) {
            throw new IllegalArgumentException(op + ": input type (" + x.dtype() + ") and bias type (" + b.dtype()
                    + ") should be the same");
        }
    }

    private static void checkBias(String op, Tensor b, long channels, long[] ws) {
        if (b != null && (b.dim() != 1 || b.size(0) != channels)) {
            throw new IllegalArgumentException(op + ": given weight of size " + Shapes.str(ws)
                    + ", expected bias to be 1-dimensional with " + channels + " elements, but got bias of size "
                    + Shapes.str(b.shape()) + " instead");
        }
    }

    private static void checkStrideDilation(String op, int[] stride, int[] dilation) {
        for (int i = 0; i < stride.length; i++) {
            if (stride[i] <= 0) {
                throw new IllegalArgumentException(op + ": non-positive stride is not supported, got stride="
                        + Arrays.toString(stride));
            }
            if (dilation[i] <= 0) {
                throw new IllegalArgumentException(op + ": non-positive dilation is not supported, got dilation="
                        + Arrays.toString(dilation));
            }
        }
    }

    /**
     * PyTorch's pooling output size ({@code pooling_output_shape}): in ceil mode the last window
     * must start inside the input or the left padding.
     */
    static long poolOutSize(long in, int k, int s, int p, int d, boolean ceil) {
        long o = Math.floorDiv(in + 2L * p - (long) d * (k - 1) - 1 + (ceil ? s - 1 : 0), s) + 1;
        if (ceil && (o - 1) * s >= in + p) {
            o--;
        }
        return o;
    }

    /** Checks a 2-D pooling's arguments (PyTorch's {@code pool2d_shape_check}); returns the output size. */
    static int[] checkPool(String op, Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
            boolean ceil) {
        Checks.rank(op, "input", x, 4, "(N,C,H,W)");
        Checks.floating(op, "input", x);
        for (int i = 0; i < 2; i++) {
            if (kernel[i] <= 0) {
                throw new IllegalArgumentException(op + ": kernel size should be greater than zero, but got kernel="
                        + Arrays.toString(kernel));
            }
            if (stride[i] <= 0) {
                throw new IllegalArgumentException(op + ": stride should be greater than zero, but got stride="
                        + Arrays.toString(stride));
            }
            if (dilation[i] <= 0) {
                throw new IllegalArgumentException(op + ": dilation should be greater than zero, but got dilation="
                        + Arrays.toString(dilation));
            }
            if (padding[i] < 0 || padding[i] > kernel[i] / 2) {
                throw new IllegalArgumentException(op + ": pad should be at most half of kernel size (and >= 0), "
                        + "but got padding=" + Arrays.toString(padding) + " and kernel=" + Arrays.toString(kernel));
            }
        }
        long[] xs = x.shape();
        long oh = poolOutSize(xs[2], kernel[0], stride[0], padding[0], dilation[0], ceil);
        long ow = poolOutSize(xs[3], kernel[1], stride[1], padding[1], dilation[1], ceil);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException(op + ": given input size (" + xs[1] + "x" + xs[2] + "x" + xs[3]
                    + "), calculated output size (" + xs[1] + "x" + oh + "x" + ow + "): output size is too small");
        }
        int[] out = {Math.toIntExact(oh), Math.toIntExact(ow)};
        for (int i = 0; i < 2; i++) {
            int empty = windowOnPaddingOnly(xs[2 + i], kernel[i], stride[i], padding[i], dilation[i], out[i]);
            if (empty >= 0) {
                // PyTorch returns -inf with an index outside the input here; refuse instead.
                throw new IllegalArgumentException(op + ": with kernel=" + Arrays.toString(kernel) + ", dilation="
                        + Arrays.toString(dilation) + " and padding=" + Arrays.toString(padding) + ", output position "
                        + empty + " of dimension " + (2 + i) + " covers only padding (input size " + xs[2 + i] + ")");
            }
        }
        return out;
    }

    /** The first output position whose dilated window has no tap inside the input, or -1. */
    private static int windowOnPaddingOnly(long in, int k, int s, int p, int d, int out) {
        for (int o = 0; o < out; o++) {
            boolean any = false;
            for (int j = 0; j < k && !any; j++) {
                long pos = (long) o * s - p + (long) j * d;
                any = pos >= 0 && pos < in;
            }
            if (!any) {
                return o;
            }
        }
        return -1;
    }

    /** {@code a} with a new shape: a view when its layout allows, else a copy. */
    static Array reshape(Array a, long... shape) {
        Array v = Kernels.shape().viewOrNull(a, shape);
        return v != null ? v : Kernels.shape().reshapeCopy(a, shape);
    }

    private static String join(long[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " x ").append(v[i]);
        }
        return sb.toString();
    }
}
