package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/** Checks shared by the index-taking ops (indexSelect, indexAdd, gather, scatterAdd). */
final class Indices {
    private Indices() {
    }

    /** Throws unless {@code index} has an integer dtype. */
    static void integral(String op, Tensor index) {
        if (!index.dtype().isIntegral()) {
            throw new IllegalArgumentException(op + ": expected index of dtype int64 or int32, got " + index.dtype());
        }
    }

    /** Throws unless {@code index} is 0-D or 1-D. */
    static void vector(String op, Tensor index) {
        if (index.dim() > 1) {
            throw new IllegalArgumentException(op + ": index must be a 1-D tensor (or 0-D), got shape "
                    + Shapes.str(index.shape()));
        }
    }

    /** Throws an IndexOutOfBoundsException naming the first value of {@code index} outside {@code [0, size)}. */
    static void inRange(String op, Tensor index, int dim, long size) {
        for (long v : index.toLongArray()) {
            if (v < 0 || v >= size) {
                throw new IndexOutOfBoundsException(op + ": index " + v + " is out of range for dimension " + dim
                        + " with size " + size);
            }
        }
    }

    /** Throws unless {@code a} and {@code b} have the same dtype. */
    static void sameDtype(String op, String aName, Tensor a, String bName, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": " + aName + " (" + a.dtype() + ") and " + bName + " ("
                    + b.dtype() + ") must have the same dtype");
        }
    }
}
