package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code (x - y)^2}, broadcast;
 * mirrors {@code org.tensorflow.op.math.SquaredDifference} (op type {@code SquaredDifference}).
 */
public final class SquaredDifference<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "SquaredDifference";

    public SquaredDifference(Operation operation) {
        super(operation);
    }

    /** Adds a {@code SquaredDifference} node. */
    public static <T extends TType> SquaredDifference<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "SquaredDifference");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new SquaredDifference<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
