package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Hyperbolic tangent; mirrors {@code org.tensorflow.op.math.Tanh} (op type {@code Tanh}). */
public final class Tanh<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Tanh";

    public Tanh(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Tanh} node. */
    public static <T extends TType> Tanh<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Tanh");
        b.addInput(x.asOutput());
        return new Tanh<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
