package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * The gradient of {@code Reciprocal}: {@code -dy * y^2};
 * mirrors {@code org.tensorflow.op.math.ReciprocalGrad} (op type {@code ReciprocalGrad}).
 */
public final class ReciprocalGrad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ReciprocalGrad";

    public ReciprocalGrad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ReciprocalGrad} node. */
    public static <T extends TType> ReciprocalGrad<T> create(Scope scope, Operand<T> y, Operand<T> dy) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ReciprocalGrad");
        b.addInput(y.asOutput());
        b.addInput(dy.asOutput());
        return new ReciprocalGrad<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
