package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;

/**
 * 1-D convolution on {@code (N, C, L)} with weight {@code (out_channels, in_channels/groups, kL)};
 * mirrors {@code torch.nn.functional.conv1d}. Composite: a {@link Conv2d} over an added height-1
 * dimension, so it needs no backward of its own.
 */
public final class Conv1d {
    private Conv1d() {
    }

    /**
     * {@code F.conv1d(x, w, b, stride, padding, dilation, groups)}; {@code padding} is one value
     * (both sides) or {@code {left, right}}; {@code b} may be null.
     */
    public static Tensor apply(Tensor x, Tensor w, Tensor b, int stride, int[] padding, int dilation, int groups) {
        String op = "conv1d";
        int[] pads = NnArgs.spatial(op, "padding", padding, 2);
        NnArgs.checkConv(op, "(N,C,L)", x, w, b, new int[] {stride}, pads, new int[] {dilation}, groups);
        long[] xs = x.shape();
        long[] ws = w.shape();
        Tensor y = Conv2d.apply(x.reshape(xs[0], xs[1], 1, xs[2]), w.reshape(ws[0], ws[1], 1, ws[2]), b,
                new int[] {1, stride}, new int[] {0, 0, pads[0], pads[1]}, new int[] {1, dilation}, groups);
        return y.reshape(xs[0], ws[0], y.size(3));
    }
}
