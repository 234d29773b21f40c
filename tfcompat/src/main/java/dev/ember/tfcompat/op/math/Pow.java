package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code x ** y}, broadcast; mirrors {@code org.tensorflow.op.math.Pow} (op type {@code Pow}). */
public final class Pow<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Pow";

    public Pow(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Pow} node. */
    public static <T extends TType> Pow<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Pow");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Pow<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
