package dev.ember.engine.backend;

/** Reductions. */
public interface ReductionKernels {
    /**
     * Reduces over {@code dims} (already normalised, sorted, distinct; empty = all dimensions).
     * With {@code keepdim} the reduced dimensions stay as size 1. ARGMAX/ARGMIN take one dimension
     * (or all dimensions, giving a flat index). As in PyTorch: reducing zero elements gives 0 (SUM),
     * 1 (PROD) or NaN (MEAN) and is an error for MAX/MIN/ARGMAX/ARGMIN; NaN is the extreme value for
     * MAX/MIN/ARGMAX/ARGMIN (the first NaN's index); bool MAX/MIN give bools.
     */
    Array reduce(ReduceOp op, Array a, int[] dims, boolean keepdim);
}
