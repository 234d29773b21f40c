package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operation;

/** Anything wrapping a graph operation; mirrors {@code org.tensorflow.op.Op}. */
public interface Op {
    /** The wrapped operation. */
    Operation op();
}
