package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code Relu}: {@code gradients * (features > 0)}; mirrors
 * {@code org.tensorflow.op.nn.ReluGrad} (TF op {@code ReluGrad}).
 */
public final class ReluGrad<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "ReluGrad";

    public ReluGrad(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> ReluGrad<T> create(Scope scope, Operand<T> gradients, Operand<T> features) {
        return new ReluGrad<>(scope.opBuilder(OP_NAME, "ReluGrad")
                .addInput(gradients.asOutput())
                .addInput(features.asOutput())
                .build());
    }

    public Output<T> backprops() {
        return asOutput();
    }
}
