package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.ElementwiseKernels;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.backend.UnaryOp;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;

/**
 * {@code exp(x) / sum(exp(x), dim)}, computed as {@code exp(x - max)} so large inputs do not
 * overflow; mirrors {@code torch.softmax} ({@code SoftmaxBackward0}).
 */
public final class Softmax extends Node {
    private final SavedTensor result;
    private final int dim;

    private Softmax(Tensor x, Tensor result, int dim) {
        super(x);
        this.result = save(result);
        this.dim = dim;
    }

    public static Tensor apply(Tensor x, int dim) {
        int d = checkedDim("softmax", x, dim);
        ElementwiseKernels k = Kernels.elementwise();
        Array e = k.unary(UnaryOp.EXP, shifted(x.array(), d));
        Tensor out = Tensor.wrap(k.binary(BinaryOp.DIV, e, sum(e, d)));
        return record(out, () -> new Softmax(x, out, d), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = result.get();
        return new Tensor[] {y.mul(g.sub(g.mul(y).sum(new int[] {dim}, true)))};
    }

    /** The normalised dim; a floating input is required (PyTorch has no int softmax). */
    static int checkedDim(String op, Tensor x, int dim) {
        Checks.floating(op, "input", x);
        int d = Shapes.dim(op, dim, x.dim());
        return x.dim() == 0 ? 0 : d;
    }

    /** {@code x - max(x, dim)} (keepdim, broadcast back); all-empty inputs pass through. */
    static Array shifted(Array x, int dim) {
        if (x.numel() == 0) {
            return x;
        }
        int[] dims = x.rank() == 0 ? new int[0] : new int[] {dim};
        return Kernels.elementwise().binary(BinaryOp.SUB, x, Kernels.reduction().reduce(ReduceOp.MAX, x, dims, true));
    }

    /** {@code sum(a, dim)} with keepdim. */
    static Array sum(Array a, int dim) {
        int[] dims = a.rank() == 0 ? new int[0] : new int[] {dim};
        return Kernels.reduction().reduce(ReduceOp.SUM, a, dims, true);
    }
}
