package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.ElementwiseKernels;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.backend.UnaryOp;

/**
 * The p-norm {@code (sum |x|^p)^(1/p)} over all or given dims, for any p including 0 (count of
 * nonzeros) and +-infinity (max/min of {@code |x|}); mirrors {@code torch.norm(x, p, dim, keepdim)}
 * ({@code NormBackward1}; like PyTorch the gradient at a zero norm is 0, not NaN).
 */
public final class Norm extends Node {
    private final SavedTensor x;
    private final SavedTensor result;
    private final long[] inputShape;
    private final int[] dims;
    private final double p;

    private Norm(Tensor x, Tensor result, int[] dims, double p) {
        super(x);
        this.x = save(x);
        this.result = save(result);
        this.inputShape = x.shape();
        this.dims = dims;
        this.p = p;
    }

    @Override
    public String name() {
        return "NormBackward1";
    }

    public static Tensor apply(Tensor x, double p, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("norm: input dtype should be floating point, got " + x.dtype()
                    + " (convert with .to(DType.FLOAT32))");
        }
        if (Double.isNaN(p)) {
            throw new IllegalArgumentException("norm: p must be a number, got NaN");
        }
        int[] d = Reduced.dims("norm", x, dims);
        if (Double.isInfinite(p)) {
            Reduced.checkNonEmpty("norm", x, d);
        }
        Tensor out = Tensor.wrap(forward(x.array(), p, d, keepdim));
        return record(out, () -> new Norm(x, out, d, p), x);
    }

    private static Array forward(Array x, double p, int[] dims, boolean keepdim) {
        ElementwiseKernels k = Kernels.elementwise();
        Array abs = k.unary(UnaryOp.ABS, x);
        if (p == 2) {
            return k.unary(UnaryOp.SQRT, Kernels.reduction().reduce(ReduceOp.SUM, k.unary(UnaryOp.SQUARE, x), dims,
                    keepdim));
        }
        if (Double.isInfinite(p)) {
            return Kernels.reduction().reduce(p > 0 ? ReduceOp.MAX : ReduceOp.MIN, abs, dims, keepdim);
        }
        if (p == 0) {
            Array nonZero = k.cast(k.binaryScalar(BinaryOp.NE, x, 0), x.dtype());
            return Kernels.reduction().reduce(ReduceOp.SUM, nonZero, dims, keepdim);
        }
        if (p == 1) {
            return Kernels.reduction().reduce(ReduceOp.SUM, abs, dims, keepdim);
        }
        Array sum = Kernels.reduction().reduce(ReduceOp.SUM, k.binaryScalar(BinaryOp.POW, abs, p), dims, keepdim);
        return k.binaryScalar(BinaryOp.POW, sum, 1 / p);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        long[] kept = Reduced.keptShape(inputShape, dims);
        Tensor gk = g.reshape(kept);
        Tensor norm = result.get().reshape(kept);
        if (p == 0) {
            // A count of nonzeros is flat: like PyTorch, no gradient at all (the input's grad stays unset).
            return new Tensor[] {null};
        }
        if (p == 1) {
            return new Tensor[] {v.sign().mul(gk)};
        }
        if (Double.isInfinite(p)) {
            // PyTorch: the gradient is shared among the elements whose |x| is the extreme (or NaN).
            Tensor mask = v.abs().eq(norm).logicalOr(v.isnan());
            return new Tensor[] {v.sign().mul(Amax.evenly(g, mask, inputShape, dims))};
        }
        Tensor zero = Tensor.scalar(0.0, v.dtype());
        Tensor one = Tensor.scalar(1.0, v.dtype());
        if (p < 1) {
            // sign(x) |x|^(p-1) (0 at x = 0) * g * norm^(1-p); PyTorch leaves a zero norm unmasked here.
            Tensor isZero = v.eq(0.0);
            Tensor scaled = Tensor.where(isZero, zero, v.sign().mul(Tensor.where(isZero, one, v.abs()).pow(p - 1)));
            return new Tensor[] {scaled.mul(gk.mul(norm.pow(1 - p)))};
        }
        // Elsewhere the gradient at a zero norm is 0; a safe divisor keeps the masked entries finite
        // under double backward.
        Tensor normIsZero = norm.eq(0.0);
        Tensor safeNorm = Tensor.where(normIsZero, one, norm);
        if (p == 2) {
            return new Tensor[] {Tensor.where(normIsZero, zero, gk.div(safeNorm)).mul(v)};
        }
        Tensor scale = Tensor.where(normIsZero, zero, gk.div(safeNorm.pow(p - 1)));
        Tensor scaled = p < 2 ? v.sign().mul(v.abs().pow(p - 1)) : v.mul(v.abs().pow(p - 2));
        return new Tensor[] {scaled.mul(scale)};
    }
}
