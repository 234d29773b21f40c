package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * The gradient of {@code Rsqrt}: {@code -dy * y^3 / 2};
 * mirrors {@code org.tensorflow.op.math.RsqrtGrad} (op type {@code RsqrtGrad}).
 */
public final class RsqrtGrad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "RsqrtGrad";

    public RsqrtGrad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code RsqrtGrad} node. */
    public static <T extends TType> RsqrtGrad<T> create(Scope scope, Operand<T> y, Operand<T> dy) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "RsqrtGrad");
        b.addInput(y.asOutput());
        b.addInput(dy.asOutput());
        return new RsqrtGrad<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
