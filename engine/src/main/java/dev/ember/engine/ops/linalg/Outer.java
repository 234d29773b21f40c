package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;

/** Outer product of two 1-D tensors; mirrors {@code torch.outer}. Composite, as in PyTorch: {@code a[:, None] * b} ({@code MulBackward0}). */
public final class Outer {
    private Outer() {
    }

    /** {@code torch.outer(a, b)}: {@code [n] x [m] -> [n, m]}, dtypes promoted as by {@code mul}. */
    public static Tensor apply(Tensor a, Tensor b) {
        Checks.rank("outer", "self", a, 1, null);
        Checks.rank("outer", "vec2", b, 1, null);
        // [n, 1] * [1, m]: ND4J M2.1's multiply mis-sizes [1, 1] * [m] (it treats the left side as a scalar).
        return a.unsqueeze(1).mul(b.unsqueeze(0));
    }
}
