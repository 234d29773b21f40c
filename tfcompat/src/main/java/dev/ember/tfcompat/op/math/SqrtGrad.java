package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * The gradient of {@code Sqrt}: {@code dy / (2 * y)};
 * mirrors {@code org.tensorflow.op.math.SqrtGrad} (op type {@code SqrtGrad}).
 */
public final class SqrtGrad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "SqrtGrad";

    public SqrtGrad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code SqrtGrad} node. */
    public static <T extends TType> SqrtGrad<T> create(Scope scope, Operand<T> y, Operand<T> dy) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "SqrtGrad");
        b.addInput(y.asOutput());
        b.addInput(dy.asOutput());
        return new SqrtGrad<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
