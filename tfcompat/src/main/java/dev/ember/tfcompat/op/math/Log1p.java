package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code log(1 + x)}; mirrors {@code org.tensorflow.op.math.Log1p} (op type {@code Log1p}). */
public final class Log1p<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Log1p";

    public Log1p(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Log1p} node. */
    public static <T extends TType> Log1p<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Log1p");
        b.addInput(x.asOutput());
        return new Log1p<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
