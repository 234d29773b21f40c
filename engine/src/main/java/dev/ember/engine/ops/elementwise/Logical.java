package dev.ember.engine.ops.elementwise;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.UnaryOp;

/**
 * Logical and/or/xor/not giving bool tensors, any input dtype (nonzero, and NaN, count as true);
 * not differentiable. Mirrors {@code torch.logical_and}, {@code logical_or}, {@code logical_xor},
 * {@code logical_not}.
 */
public final class Logical {
    private Logical() {
    }

    /** {@code a op b} with broadcasting, for {@code kernel} one of LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR. */
    public static Tensor apply(String op, BinaryOp kernel, Tensor a, Tensor b) {
        return Operands.binary(op, kernel, truth(a), truth(b), false).out;
    }

    /** {@code !a}; mirrors {@code torch.logical_not}. */
    public static Tensor not(Tensor a) {
        return Tensor.wrap(Kernels.elementwise().unary(UnaryOp.LOGICAL_NOT, truth(a).array()));
    }

    private static Tensor truth(Tensor t) {
        return t.dtype() == DType.BOOL ? t : t.ne(0.0);
    }
}
