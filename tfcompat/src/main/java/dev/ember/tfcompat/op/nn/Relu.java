package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** {@code max(features, 0)}; mirrors {@code org.tensorflow.op.nn.Relu}. */
public final class Relu<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Relu";

    public Relu(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Relu<T> create(Scope scope, Operand<T> features) {
        return new Relu<>(scope.opBuilder(OP_NAME, "Relu").addInput(features.asOutput()).build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
