package dev.ember.engine.backend;

/** Reductions. */
public interface ReductionKernels {
    /**
     * Reduces over {@code dims} (already normalised, sorted, distinct; empty = all dimensions).
     * With {@code keepdim} the reduced dimensions stay as size 1. ARGMAX/ARGMIN take one dimension
     * (or all dimensions, giving a flat index).
     */
    Array reduce(ReduceOp op, Array a, int[] dims, boolean keepdim);
}
