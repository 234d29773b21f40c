package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.backend.UnaryOp;

/**
 * Variance over all or given dims, unbiased (divides by N - 1) by default; N - 1 = 0 gives NaN as in
 * PyTorch. Mirrors {@code torch.var} ({@code VarBackward0}).
 */
public final class Var extends Node {
    private final SavedTensor x;
    private final long[] inputShape;
    private final int[] dims;
    private final double dof;

    private Var(Tensor x, int[] dims, double dof) {
        super(x);
        this.x = save(x);
        this.inputShape = x.shape();
        this.dims = dims;
        this.dof = dof;
    }

    public static Tensor apply(Tensor x, int[] dims, boolean unbiased, boolean keepdim) {
        int[] d = checkedDims("var", x, dims);
        double dof = dof(x, d, unbiased);
        Tensor out = Tensor.wrap(variance(x.array(), d, dof, keepdim));
        return record(out, () -> new Var(x, d, dof), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {gradient(g, x.get(), inputShape, dims, dof)};
    }

    /** PyTorch's var_backward: {@code 2 / dof * g * (x - mean(x))}, in tensor ops (double backward works). */
    static Tensor gradient(Tensor g, Tensor x, long[] inputShape, int[] dims, double dof) {
        Tensor centred = x.sub(x.mean(dims, true));
        return g.reshape(Reduced.keptShape(inputShape, dims)).mul(centred).mul(2 / dof);
    }

    static int[] checkedDims(String op, Tensor x, int[] dims) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": std and var only support floating-point dtypes, got "
                    + x.dtype() + " (convert with .to(DType.FLOAT32))");
        }
        return Reduced.dims(op, x, dims);
    }

    /** Degrees of freedom: N, or N - 1 when unbiased; never below 0 (so the result is NaN, not negative). */
    static double dof(Tensor x, int[] dims, boolean unbiased) {
        return Math.max(0, Reduced.count(x.shape(), dims) - (unbiased ? 1 : 0));
    }

    /** {@code sum((x - mean)^2) / dof} by kernels. */
    static Array variance(Array x, int[] dims, double dof, boolean keepdim) {
        Array mean = Kernels.reduction().reduce(ReduceOp.MEAN, x, dims, true);
        Array sq = Kernels.elementwise().unary(UnaryOp.SQUARE, Kernels.elementwise().binary(BinaryOp.SUB, x, mean));
        Array sum = Kernels.reduction().reduce(ReduceOp.SUM, sq, dims, keepdim);
        return Kernels.elementwise().binaryScalar(BinaryOp.DIV, sum, dof);
    }
}
