package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * {@code min(max(features, 0), 6)}; mirrors {@code org.tensorflow.op.nn.Relu6} (TF op {@code Relu6}).
 */
public final class Relu6<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Relu6";

    public Relu6(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Relu6<T> create(Scope scope, Operand<T> features) {
        return new Relu6<>(scope.opBuilder(OP_NAME, "Relu6").addInput(features.asOutput()).build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
