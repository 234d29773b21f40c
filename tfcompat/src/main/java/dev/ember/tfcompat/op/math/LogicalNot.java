package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;

/** Logical NOT; mirrors {@code org.tensorflow.op.math.LogicalNot} (op type {@code LogicalNot}). */
public final class LogicalNot extends RawOperand<TBool> {
    public static final String OP_NAME = "LogicalNot";

    public LogicalNot(Operation operation) {
        super(operation);
    }

    /** Adds a {@code LogicalNot} node. */
    public static LogicalNot create(Scope scope, Operand<TBool> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "LogicalNot");
        b.addInput(x.asOutput());
        return new LogicalNot(b.build());
    }

    public Output<TBool> y() {
        return asOutput();
    }
}
