package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operation;

/** Base of the generated-style op classes; mirrors {@code org.tensorflow.op.RawOp}. */
public abstract class RawOp implements Op {
    private final Operation operation;

    protected RawOp(Operation operation) {
        this.operation = operation;
    }

    @Override
    public Operation op() {
        return operation;
    }

    @Override
    public final int hashCode() {
        return operation.hashCode();
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof RawOp && ((RawOp) o).operation.equals(operation);
    }

    @Override
    public final String toString() {
        return String.format("<%s '%s'>", operation.type(), operation.name());
    }
}
