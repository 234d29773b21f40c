package dev.ember.engine.backend;

import dev.ember.engine.DType;

/**
 * An opaque n-dimensional array owned by a {@link Backend}: the storage under a tensor.
 * Only the backend's kernels look inside; the rest of the engine passes it around.
 * Implementations may be views sharing memory with other arrays.
 */
public interface Array {
    /** The dimensions, outermost first; a new array each call (callers may keep it). */
    long[] shape();

    /** The element type. */
    DType dtype();

    /** Number of dimensions; 0 for a scalar. */
    int rank();

    /** Number of elements. */
    long numel();
}
