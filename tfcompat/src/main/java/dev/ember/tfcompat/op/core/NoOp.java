package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;

/** Does nothing; useful as a target carrying control dependencies. Mirrors {@code org.tensorflow.op.core.NoOp}. */
public final class NoOp extends RawOp {
    public static final String OP_NAME = "NoOp";

    public NoOp(Operation operation) {
        super(operation);
    }

    public static NoOp create(Scope scope) {
        return new NoOp(scope.opBuilder(OP_NAME, "NoOp").build());
    }
}
