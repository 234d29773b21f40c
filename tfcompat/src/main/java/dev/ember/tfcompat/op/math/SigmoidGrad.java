package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * The gradient of {@code Sigmoid}: {@code dy * y * (1 - y)};
 * mirrors {@code org.tensorflow.op.math.SigmoidGrad} (op type {@code SigmoidGrad}).
 */
public final class SigmoidGrad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "SigmoidGrad";

    public SigmoidGrad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code SigmoidGrad} node. */
    public static <T extends TType> SigmoidGrad<T> create(Scope scope, Operand<T> y, Operand<T> dy) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "SigmoidGrad");
        b.addInput(y.asOutput());
        b.addInput(dy.asOutput());
        return new SigmoidGrad<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
