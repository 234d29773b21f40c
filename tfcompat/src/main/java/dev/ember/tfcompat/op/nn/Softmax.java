package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Softmax along the last dimension; mirrors {@code org.tensorflow.op.nn.Softmax} (TF op
 * {@code Softmax}).
 */
public final class Softmax<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Softmax";

    public Softmax(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Softmax<T> create(Scope scope, Operand<T> logits) {
        return new Softmax<>(scope.opBuilder(OP_NAME, "Softmax").addInput(logits.asOutput()).build());
    }

    public Output<T> softmax() {
        return asOutput();
    }
}
