package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * {@code features / (|features| + 1)}; mirrors {@code org.tensorflow.op.nn.Softsign} (TF op
 * {@code Softsign}).
 */
public final class Softsign<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Softsign";

    public Softsign(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Softsign<T> create(Scope scope, Operand<T> features) {
        return new Softsign<>(scope.opBuilder(OP_NAME, "Softsign").addInput(features.asOutput()).build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
