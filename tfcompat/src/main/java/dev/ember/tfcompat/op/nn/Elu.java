package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * {@code features < 0 ? exp(features) - 1 : features}; mirrors {@code org.tensorflow.op.nn.Elu} (TF op
 * {@code Elu}).
 */
public final class Elu<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Elu";

    public Elu(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Elu<T> create(Scope scope, Operand<T> features) {
        return new Elu<>(scope.opBuilder(OP_NAME, "Elu").addInput(features.asOutput()).build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
