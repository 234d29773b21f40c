package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/**
 * Transposed 2-D convolution; mirrors {@code torch.nn.functional.conv_transpose2d}
 * ({@code ConvolutionBackward0}), weight {@code (in_channels, out_channels/groups, kH, kW)}.
 *
 * <p>It is the gradient of {@code conv2d} with respect to its input (the same weight tensor read
 * the other way), so it also serves as {@link Conv2d}'s input gradient. Its own input gradient is
 * a {@code conv2d}, its weight gradient a convolution weight-gradient.
 */
public final class ConvTranspose2d extends Node {
    private final SavedTensor input;
    private final SavedTensor weight;
    private final long[] weightShape;
    private final ConvGeometry geometry;

    private ConvTranspose2d(Tensor x, Tensor w, Tensor b, ConvGeometry geometry) {
        super(x, w, b);
        this.input = needsInputGrad(1) ? save(x) : null;
        this.weight = needsInputGrad(0) ? save(w) : null;
        this.weightShape = w.shape();
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "ConvolutionBackward0";
    }

    /** {@code F.conv_transpose2d(x, w, b, stride, padding, output_padding, groups, dilation)}; {@code b} may be null. */
    public static Tensor apply(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] outputPadding,
            int groups, int[] dilation) {
        String op = "conv_transpose2d";
        int[] s = NnArgs.spatial(op, "stride", stride, 2);
        int[] p = NnArgs.spatial(op, "padding", padding, 2);
        int[] op2 = NnArgs.spatial(op, "outputPadding", outputPadding, 2);
        int[] d = NnArgs.spatial(op, "dilation", dilation, 2);
        NnArgs.checkConvTranspose(op, x, w, b, s, p, op2, d, groups);
        long[] out = {x.size(0), w.size(1) * groups, 0, 0};
        for (int i = 0; i < 2; i++) {
            out[2 + i] = (x.size(2 + i) - 1) * s[i] - 2L * p[i] + (long) d[i] * (w.size(2 + i) - 1) + op2[i] + 1;
        }
        if (out[2] <= 0 || out[3] <= 0) {
            throw new IllegalArgumentException(op + ": given input of size " + Shapes.str(x.shape())
                    + ", the calculated output size " + Shapes.str(out) + " is too small");
        }
        return forward(x, w, b, new ConvGeometry(s, p, d, groups), out);
    }

    /** The gradient of a convolution with {@code geometry} with respect to its input of {@code inputShape}. */
    static Tensor inputGrad(Tensor gradOutput, Tensor w, long[] inputShape, ConvGeometry geometry) {
        return forward(gradOutput, w, null, geometry, inputShape);
    }

    private static Tensor forward(Tensor x, Tensor w, Tensor b, ConvGeometry g, long[] outShape) {
        Array out = Kernels.nn().conv2dInputGrad(x.array(), w.array(), outShape, g.stride(), g.padding(),
                g.dilation(), g.groups());
        if (b != null) {
            out = Kernels.elementwise().binary(BinaryOp.ADD, out, NnArgs.reshape(b.array(), 1, b.size(0), 1, 1));
        }
        return record(Tensor.wrap(out), () -> new ConvTranspose2d(x, w, b, g), x, w, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = needsInputGrad(0) ? Conv2d.forward(g, weight.get(), null, geometry) : null;
        Tensor gw = needsInputGrad(1) ? ConvWeightGrad.apply(g, input.get(), weightShape, geometry) : null;
        Tensor gb = needsInputGrad(2) ? g.sum(new int[] {0, 2, 3}, false) : null;
        return new Tensor[] {gx, gw, gb};
    }
}
