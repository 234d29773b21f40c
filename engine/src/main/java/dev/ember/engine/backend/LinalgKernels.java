package dev.ember.engine.backend;

/** Matrix products. */
public interface LinalgKernels {
    /**
     * {@code op(a) @ op(b)} where op transposes the last two dimensions when asked. Both are rank 2,
     * or both rank n &gt; 2 with equal batch dimensions (callers broadcast first).
     */
    Array matmul(Array a, Array b, boolean transposeA, boolean transposeB);
}
