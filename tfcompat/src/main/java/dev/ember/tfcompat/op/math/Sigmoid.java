package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Logistic sigmoid; mirrors {@code org.tensorflow.op.math.Sigmoid} (op type {@code Sigmoid}). */
public final class Sigmoid<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Sigmoid";

    public Sigmoid(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Sigmoid} node. */
    public static <T extends TType> Sigmoid<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Sigmoid");
        b.addInput(x.asOutput());
        return new Sigmoid<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
