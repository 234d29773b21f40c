package dev.ember.engine.internal;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;

/** PyTorch's type promotion for binary ops. */
public final class Promotion {
    private Promotion() {
    }

    /** Both operands converted (differentiably) to their common dtype. */
    public static Tensor[] common(Tensor a, Tensor b) {
        DType t = DType.promote(a.dtype(), b.dtype());
        return new Tensor[] {a.to(t), b.to(t)};
    }

    /** Both operands in their common floating dtype (ints become float32), for true division and the like. */
    public static Tensor[] commonFloating(Tensor a, Tensor b) {
        DType t = DType.promote(a.dtype(), b.dtype());
        if (!t.isFloatingPoint()) {
            t = DType.defaultFloat();
        }
        return new Tensor[] {a.to(t), b.to(t)};
    }

    /** {@code t} as floating point (ints and bools become float32), for exp, log and friends. */
    public static Tensor floating(Tensor t) {
        return t.dtype().isFloatingPoint() ? t : t.to(DType.defaultFloat());
    }

    /** The dtype of a scalar operand next to a tensor of {@code tensorType}, as PyTorch picks it. */
    public static DType scalarType(DType tensorType, double value) {
        if (tensorType.isFloatingPoint()) {
            return tensorType;
        }
        boolean integral = value == Math.rint(value) && !Double.isInfinite(value);
        if (tensorType == DType.BOOL) {
            return integral ? DType.INT64 : DType.defaultFloat();
        }
        return integral ? tensorType : DType.defaultFloat();
    }
}
