package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * The gradient of {@code Tanh}: {@code dy * (1 - y^2)};
 * mirrors {@code org.tensorflow.op.math.TanhGrad} (op type {@code TanhGrad}).
 */
public final class TanhGrad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "TanhGrad";

    public TanhGrad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code TanhGrad} node. */
    public static <T extends TType> TanhGrad<T> create(Scope scope, Operand<T> y, Operand<T> dy) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "TanhGrad");
        b.addInput(y.asOutput());
        b.addInput(dy.asOutput());
        return new TanhGrad<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
