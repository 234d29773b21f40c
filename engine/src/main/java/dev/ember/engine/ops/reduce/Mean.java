package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;

/** Mean over all or given dims; mirrors {@code torch.mean} ({@code MeanBackward0} / {@code MeanBackward1}). */
public final class Mean extends Node {
    private final long[] inputShape;
    private final int[] dims;

    private Mean(Tensor x, int[] dims) {
        super(x);
        this.inputShape = x.shape();
        this.dims = dims;
    }

    @Override
    public String name() {
        return dims.length == 0 ? "MeanBackward0" : "MeanBackward1";
    }

    public static Tensor apply(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean: input dtype must be floating point, got " + x.dtype()
                    + " (convert with .to(DType.FLOAT32))");
        }
        int[] d = Reduced.dims("mean", x, dims);
        Tensor out = Tensor.wrap(Kernels.reduction().reduce(ReduceOp.MEAN, x.array(), d, keepdim));
        return record(out, () -> new Mean(x, d), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Reduced.expandBack(g, inputShape, dims).div((double) Reduced.count(inputShape, dims))};
    }
}
