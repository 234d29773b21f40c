package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Sine; mirrors {@code org.tensorflow.op.math.Sin} (op type {@code Sin}). */
public final class Sin<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Sin";

    public Sin(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Sin} node. */
    public static <T extends TType> Sin<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Sin");
        b.addInput(x.asOutput());
        return new Sin<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
