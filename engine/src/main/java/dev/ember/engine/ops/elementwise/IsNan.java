package dev.ember.engine.ops.elementwise;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.UnaryOp;

/** True where the value is NaN (bool; always false for ints); not differentiable. Mirrors {@code torch.isnan}. */
public final class IsNan {
    private IsNan() {
    }

    public static Tensor apply(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            return Tensor.zeros(DType.BOOL, x.shape());
        }
        return Tensor.wrap(Kernels.elementwise().unary(UnaryOp.ISNAN, x.array()));
    }
}
