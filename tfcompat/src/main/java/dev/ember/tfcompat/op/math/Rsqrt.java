package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code 1 / sqrt(x)}; mirrors {@code org.tensorflow.op.math.Rsqrt} (op type {@code Rsqrt}). */
public final class Rsqrt<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Rsqrt";

    public Rsqrt(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Rsqrt} node. */
    public static <T extends TType> Rsqrt<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Rsqrt");
        b.addInput(x.asOutput());
        return new Rsqrt<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
