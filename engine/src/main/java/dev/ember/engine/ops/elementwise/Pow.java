package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Promotion;
import dev.ember.engine.ops.Broadcasting;

/**
 * {@code base ** exponent} with broadcasting; mirrors {@code torch.pow(Tensor, Tensor)}
 * ({@code PowBackward1}). {@link Scalar} is the constant-exponent form ({@code PowBackward0}).
 */
public final class Pow extends Node {
    private final SavedTensor base;
    private final SavedTensor exponent;
    private final SavedTensor result;
    private final long[] baseShape;
    private final long[] expShape;

    private Pow(Tensor base, Tensor exponent, Tensor result) {
        super(base, exponent);
        this.base = save(base);
        this.exponent = save(exponent);
        this.result = needsInputGrad(1) ? save(result) : null;
        baseShape = base.shape();
        expShape = exponent.shape();
    }

    @Override
    public String name() {
        return "PowBackward1";
    }

    public static Tensor apply(Tensor base, Tensor exponent) {
        Operands o = Operands.binary("pow", BinaryOp.POW, base, exponent, false);
        return record(o.out, () -> new Pow(o.a, o.b, o.out), o.a, o.b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = base.get();
        Tensor y = exponent.get();
        Tensor gx = null;
        Tensor gy = null;
        if (needsInputGrad(0)) {
            // d/dx x^y = y * x^(y-1)
            gx = Broadcasting.sumTo(g.mul(y).mul(x.pow(y.sub(1.0))), baseShape);
        }
        if (needsInputGrad(1)) {
            // d/dy x^y = x^y * ln(x); PyTorch masks x == 0 (with y >= 0) to 0 instead of NaN.
            Tensor safeLog = Tensor.where(x.eq(0.0), Tensor.onesLike(x), x).log();
            gy = Broadcasting.sumTo(g.mul(result.get()).mul(safeLog), expShape);
        }
        return new Tensor[] {gx, gy};
    }

    /** {@code base ** c} for a constant {@code c}; {@code PowBackward0}. */
    public static final class Scalar extends Node {
        private final SavedTensor base;
        private final double exponent;

        private Scalar(Tensor base, double exponent) {
            super(base);
            this.base = save(base);
            this.exponent = exponent;
        }

        @Override
        public String name() {
            return "PowBackward0";
        }

        public static Tensor apply(Tensor base, double exponent) {
            Tensor x = exponent == Math.rint(exponent) && exponent >= 0 ? base : Promotion.floating(base);
            if (x.dtype() == dev.ember.engine.DType.BOOL) {
                throw new IllegalArgumentException("pow: not supported for bool tensors");
            }
            Tensor out = Tensor.wrap(Kernels.elementwise().binaryScalar(BinaryOp.POW, x.array(), exponent));
            return record(out, () -> new Scalar(x, exponent), x);
        }

        @Override
        protected Tensor[] backward(Tensor g) {
            if (exponent == 0) {
                return new Tensor[] {g.mul(0.0)};
            }
            return new Tensor[] {g.mul(base.get().pow(exponent - 1).mul(exponent))};
        }
    }
}
