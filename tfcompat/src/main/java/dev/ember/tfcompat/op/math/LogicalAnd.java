package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;

/** Logical AND, broadcast; mirrors {@code org.tensorflow.op.math.LogicalAnd} (op type {@code LogicalAnd}). */
public final class LogicalAnd extends RawOperand<TBool> {
    public static final String OP_NAME = "LogicalAnd";

    public LogicalAnd(Operation operation) {
        super(operation);
    }

    /** Adds a {@code LogicalAnd} node. */
    public static LogicalAnd create(Scope scope, Operand<TBool> x, Operand<TBool> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "LogicalAnd");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new LogicalAnd(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
