package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;

/**
 * Largest (or smallest) value over dims; mirrors {@code torch.amax} / {@code torch.amin}
 * ({@code AmaxBackward0} / {@code AminBackward0}: the gradient is split evenly among tied extremes).
 */
public final class Amax extends Node {
    private final SavedTensor x;
    private final SavedTensor result;
    private final long[] inputShape;
    private final int[] dims;
    private final boolean max;

    private Amax(Tensor x, Tensor result, int[] dims, boolean max) {
        super(x);
        this.x = save(x);
        this.result = save(result);
        this.inputShape = x.shape();
        this.dims = dims;
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "AmaxBackward0" : "AminBackward0";
    }

    /** {@code amax} ({@code max} true) or {@code amin} over {@code dims} (empty = all). */
    public static Tensor apply(Tensor x, int[] dims, boolean keepdim, boolean max) {
        String op = max ? "amax" : "amin";
        int[] d = Reduced.dims(op, x, dims);
        Reduced.checkNonEmpty(op, x, d);
        Tensor out = Tensor.wrap(Kernels.reduction().reduce(max ? ReduceOp.MAX : ReduceOp.MIN, x.array(), d, keepdim));
        return record(out, () -> new Amax(x, out, d, max), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        Tensor r = result.get().reshape(Reduced.keptShape(inputShape, dims));
        return new Tensor[] {evenly(g, v.eq(r), inputShape, dims)};
    }

    /** {@code g} shared evenly among the positions in {@code mask} of each reduced slice, 0 elsewhere. */
    static Tensor evenly(Tensor g, Tensor mask, long[] inputShape, int[] dims) {
        Tensor count = mask.sum(dims, true).to(g.dtype());
        Tensor share = g.reshape(Reduced.keptShape(inputShape, dims)).div(count);
        return Tensor.where(mask, share, Tensor.scalar(0.0, g.dtype()));
    }
}
