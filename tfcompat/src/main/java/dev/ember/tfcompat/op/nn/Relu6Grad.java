package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code Relu6}: {@code gradients * (0 < features < 6)}; mirrors
 * {@code org.tensorflow.op.nn.Relu6Grad} (TF op {@code Relu6Grad}).
 */
public final class Relu6Grad<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Relu6Grad";

    public Relu6Grad(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> Relu6Grad<T> create(Scope scope, Operand<T> gradients, Operand<T> features) {
        return new Relu6Grad<>(scope.opBuilder(OP_NAME, "Relu6Grad")
                .addInput(gradients.asOutput())
                .addInput(features.asOutput())
                .build());
    }

    public Output<T> backprops() {
        return asOutput();
    }
}
