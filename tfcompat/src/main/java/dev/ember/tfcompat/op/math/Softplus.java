package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** {@code log(exp(features) + 1)}; mirrors {@code org.tensorflow.op.math.Softplus} (op type {@code Softplus}). */
public final class Softplus<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Softplus";

    public Softplus(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Softplus} node. */
    public static <T extends TNumber> Softplus<T> create(Scope scope, Operand<T> features) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Softplus");
        b.addInput(features.asOutput());
        return new Softplus<>(b.build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
