package dev.ember.engine.ops.reduce;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;

/** Sum over all or given dims; mirrors {@code torch.sum} ({@code SumBackward0} for all, {@code SumBackward1} for dims). Ints and bools sum to int64. */
public final class Sum extends Node {
    private final long[] inputShape;
    private final int[] dims;

    private Sum(Tensor x, int[] dims) {
        super(x);
        this.inputShape = x.shape();
        this.dims = dims;
    }

    @Override
    public String name() {
        return dims.length == 0 ? "SumBackward0" : "SumBackward1";
    }

    public static Tensor apply(Tensor x, int[] dims, boolean keepdim) {
        int[] d = Reduced.dims("sum", x, dims);
        Tensor in = x.dtype().isFloatingPoint() ? x : x.to(DType.INT64);
        Tensor out = Tensor.wrap(Kernels.reduction().reduce(ReduceOp.SUM, in.array(), d, keepdim));
        return record(out, () -> new Sum(in, d), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Reduced.expandBack(g, inputShape, dims)};
    }
}
