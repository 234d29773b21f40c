package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Natural logarithm; mirrors {@code org.tensorflow.op.math.Log} (op type {@code Log}). */
public final class Log<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Log";

    public Log(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Log} node. */
    public static <T extends TType> Log<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Log");
        b.addInput(x.asOutput());
        return new Log<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
