package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code exp(x) - 1}; mirrors {@code org.tensorflow.op.math.Expm1} (op type {@code Expm1}). */
public final class Expm1<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Expm1";

    public Expm1(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Expm1} node. */
    public static <T extends TType> Expm1<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Expm1");
        b.addInput(x.asOutput());
        return new Expm1<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
