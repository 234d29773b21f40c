package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code 1 / x}; mirrors {@code org.tensorflow.op.math.Reciprocal} (op type {@code Reciprocal}). */
public final class Reciprocal<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Reciprocal";

    public Reciprocal(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Reciprocal} node. */
    public static <T extends TType> Reciprocal<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Reciprocal");
        b.addInput(x.asOutput());
        return new Reciprocal<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
