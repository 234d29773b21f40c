package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code x / y}, 0 where {@code y} is 0;
 * mirrors {@code org.tensorflow.op.math.DivNoNan} (op type {@code DivNoNan}).
 */
public final class DivNoNan<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "DivNoNan";

    public DivNoNan(Operation operation) {
        super(operation);
    }

    /** Adds a {@code DivNoNan} node. */
    public static <T extends TType> DivNoNan<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "DivNoNan");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new DivNoNan<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
