package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.UnaryOp;

/**
 * Standard deviation over all or given dims, unbiased by default; mirrors {@code torch.std}
 * ({@code StdBackward0}; like PyTorch the gradient is 0, not NaN, where the deviation is 0).
 */
public final class Std extends Node {
    private final SavedTensor x;
    private final SavedTensor result;
    private final long[] inputShape;
    private final int[] dims;
    private final double dof;

    private Std(Tensor x, Tensor result, int[] dims, double dof) {
        super(x);
        this.x = save(x);
        this.result = save(result);
        this.inputShape = x.shape();
        this.dims = dims;
        this.dof = dof;
    }

    public static Tensor apply(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        int[] d = Var.checkedDims("std", x, dims);
        double dof = Var.dof(x, d, unbiased);
        Tensor out = Tensor.wrap(Kernels.elementwise().unary(UnaryOp.SQRT, Var.variance(x.array(), d, dof, keepdim)));
        return record(out, () -> new Std(x, out, d, dof), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor r = result.get();
        Tensor zero = Tensor.scalar(0.0, r.dtype());
        Tensor isZero = r.eq(0.0);
        // d sqrt(v) = dv / (2 sqrt(v)); masked where the std is 0 (a safe divisor keeps double backward finite).
        Tensor scaled = Tensor.where(isZero, zero, g.div(Tensor.where(isZero, Tensor.scalar(1.0, r.dtype()), r).mul(2.0)));
        return new Tensor[] {Var.gradient(scaled, x.get(), inputShape, dims, dof)};
    }
}
