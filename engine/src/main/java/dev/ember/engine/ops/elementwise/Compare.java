package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.backend.BinaryOp;

/** Comparisons ({@code eq, ne, lt, le, gt, ge}) giving bool tensors; not differentiable. Mirrors {@code torch.eq} etc. */
public final class Compare {
    private Compare() {
    }

    public static Tensor apply(String op, BinaryOp kernel, Tensor a, Tensor b) {
        return Operands.binary(op, kernel, a, b, false).out;
    }
}
