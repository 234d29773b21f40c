package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * Constant padding; mirrors {@code torch.nn.functional.pad(x, pads, value=...)} in constant mode
 * ({@code ConstantPadNdBackward0}). {@code pads} is in PyTorch's order, last dimension first:
 * {@code {left, right, top, bottom, ...}}. Negative pads crop, as in PyTorch; the gradient is the
 * same op with the pads negated.
 */
public final class ConstantPadNd extends Node {
    private final long[] pads;

    private ConstantPadNd(Tensor x, long[] pads) {
        super(x);
        this.pads = pads;
    }

    public static Tensor apply(Tensor x, long[] pads, double value) {
        if (pads.length % 2 != 0) {
            throw new IllegalArgumentException("pad: padding length must be divisible by 2, got "
                    + Arrays.toString(pads));
        }
        if (pads.length / 2 > x.dim()) {
            throw new IllegalArgumentException("pad: padding length too large: " + Arrays.toString(pads) + " pads "
                    + pads.length / 2 + " dimensions of a tensor of shape " + Shapes.str(x.shape()));
        }
        long[] shape = x.shape();
        long[] before = new long[shape.length];
        long[] after = new long[shape.length];
        for (int i = 0; i < pads.length / 2; i++) {
            int d = shape.length - 1 - i;
            before[d] = pads[2 * i];
            after[d] = pads[2 * i + 1];
            if (shape[d] + before[d] + after[d] < 0) {
                throw new IllegalArgumentException("pad: the input size " + shape[d] + ", plus negative padding "
                        + before[d] + " and " + after[d] + " resulted in a negative output size, which is invalid. "
                        + "Check dimension " + d + " of your input " + Shapes.str(shape));
            }
            long cropped = Math.max(0, -before[d]) + Math.max(0, -after[d]);
            if (cropped > shape[d]) {
                throw new IllegalArgumentException("pad: padding " + before[d] + " and " + after[d] + " crops "
                        + cropped + " elements from dimension " + d + " of size " + shape[d] + " (input "
                        + Shapes.str(shape) + ")");
            }
        }
        Array a = x.array();
        boolean grows = false;
        long[] kernelPads = new long[2 * shape.length];
        for (int d = 0; d < shape.length; d++) {
            if (before[d] < 0 || after[d] < 0) {
                long start = Math.max(0, -before[d]);
                long end = shape[d] - Math.max(0, -after[d]);
                a = Kernels.shape().slice(a, d, start, end, 1);
            }
            kernelPads[2 * d] = Math.max(0, before[d]);
            kernelPads[2 * d + 1] = Math.max(0, after[d]);
            grows |= before[d] > 0 || after[d] > 0;
        }
        // Always a new array, as in PyTorch (a crop alone would otherwise alias the input).
        Array out = grows ? Kernels.shape().pad(a, kernelPads, value) : Kernels.shape().contiguous(a);
        long[] p = pads.clone();
        return record(Tensor.wrap(out), () -> new ConstantPadNd(x, p), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        long[] negated = new long[pads.length];
        for (int i = 0; i < pads.length; i++) {
            negated[i] = -pads[i];
        }
        return new Tensor[] {apply(g, negated, 0)};
    }
}
