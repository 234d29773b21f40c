package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;

/**
 * Largest (or smallest) of all elements, 0-d (NaN if any is NaN); mirrors {@code torch.max(x)} /
 * {@code torch.min(x)} ({@code MaxBackward1} / {@code MinBackward1}: the gradient is split evenly
 * among tied extremes).
 */
public final class Max extends Node {
    private final SavedTensor x;
    private final SavedTensor result;
    private final boolean max;

    private Max(Tensor x, Tensor result, boolean max) {
        super(x);
        this.x = save(x);
        this.result = save(result);
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "MaxBackward1" : "MinBackward1";
    }

    /** {@code max()} ({@code max} true) or {@code min()} of all elements. */
    public static Tensor apply(Tensor x, boolean max) {
        String op = max ? "max" : "min";
        if (x.numel() == 0) {
            throw new IllegalArgumentException(op + "(): expected a non-empty input, got shape "
                    + java.util.Arrays.toString(x.shape()) + "; to reduce an empty tensor specify the dim with "
                    + op + "(dim, keepdim)");
        }
        Tensor out = Tensor.wrap(Kernels.reduction().reduce(max ? ReduceOp.MAX : ReduceOp.MIN, x.array(),
                new int[0], false));
        return record(out, () -> new Max(x, out, max), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        Tensor r = result.get();
        // PyTorch's evenly_distribute_backward: a NaN result sends the gradient to the NaNs.
        Tensor mask = Double.isNaN(r.item()) ? v.isnan() : v.eq(r);
        return new Tensor[] {Amax.evenly(g, mask, v.shape(), new int[0])};
    }
}
