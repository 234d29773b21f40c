package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code Softplus}: {@code gradients * sigmoid(features)};
 * mirrors {@code org.tensorflow.op.math.SoftplusGrad} (op type {@code SoftplusGrad}).
 */
public final class SoftplusGrad<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "SoftplusGrad";

    public SoftplusGrad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code SoftplusGrad} node. */
    public static <T extends TNumber> SoftplusGrad<T> create(Scope scope, Operand<T> gradients, Operand<T> features) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "SoftplusGrad");
        b.addInput(gradients.asOutput());
        b.addInput(features.asOutput());
        return new SoftplusGrad<>(b.build());
    }

    public Output<T> backprops() {
        return asOutput();
    }
}
