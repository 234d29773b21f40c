package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Negation; mirrors {@code org.tensorflow.op.math.Neg} (op type {@code Neg}). */
public final class Neg<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Neg";

    public Neg(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Neg} node. */
    public static <T extends TType> Neg<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Neg");
        b.addInput(x.asOutput());
        return new Neg<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
