package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TType;

/**
 * The coordinates of the true (non-zero) elements of {@code condition}, int64 {@code [n, rank]};
 * mirrors {@code org.tensorflow.op.core.Where} (op type {@code Where}).
 */
public final class Where extends RawOperand<TInt64> {
    public static final String OP_NAME = "Where";

    public Where(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Where} node. */
    public static Where create(Scope scope, Operand<? extends TType> condition) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Where");
        b.addInput(condition.asOutput());
        return new Where(b.build());
    }

    public Output<TInt64> index() {
        return asOutput();
    }
}
