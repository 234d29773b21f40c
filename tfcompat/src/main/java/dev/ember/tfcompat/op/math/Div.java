package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code x / y} (integers: truncated toward zero);
 * mirrors {@code org.tensorflow.op.math.Div} (op type {@code Div}).
 */
public final class Div<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Div";

    public Div(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Div} node. */
    public static <T extends TType> Div<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Div");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Div<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
