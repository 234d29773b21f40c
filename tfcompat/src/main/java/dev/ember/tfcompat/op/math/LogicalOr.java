package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;

/** Logical OR, broadcast; mirrors {@code org.tensorflow.op.math.LogicalOr} (op type {@code LogicalOr}). */
public final class LogicalOr extends RawOperand<TBool> {
    public static final String OP_NAME = "LogicalOr";

    public LogicalOr(Operation operation) {
        super(operation);
    }

    /** Adds a {@code LogicalOr} node. */
    public static LogicalOr create(Scope scope, Operand<TBool> x, Operand<TBool> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "LogicalOr");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new LogicalOr(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
