package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Scaled ELU: {@code scale * (features < 0 ? alpha * (exp(features) - 1) : features)}; mirrors
 * {@code org.tensorflow.op.nn.Selu} (TF op {@code Selu}).
 */
public final class Selu<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Selu";

    public Selu(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Selu<T> create(Scope scope, Operand<T> features) {
        return new Selu<>(scope.opBuilder(OP_NAME, "Selu").addInput(features.asOutput()).build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
