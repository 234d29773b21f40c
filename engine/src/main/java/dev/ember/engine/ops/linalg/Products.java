package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;

/** Argument checks shared by the strict-rank products (mm, bmm, mv, dot, outer). */
final class Products {
    private Products() {
    }

    /** Throws unless both operands have one floating-point dtype (PyTorch refuses mixed dtypes here). */
    static void sameFloating(String op, String aName, Tensor a, String bName, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": expected " + aName + " and " + bName + " to have the same dtype, "
                    + "got " + a.dtype() + " and " + b.dtype() + " (convert one with .to(...))");
        }
        if (!a.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": integer and bool tensors are not supported (got " + a.dtype()
                    + "); convert with .to(DType.FLOAT32)");
        }
    }
}
