package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Elementwise minimum, broadcast; mirrors {@code org.tensorflow.op.math.Minimum} (op type {@code Minimum}). */
public final class Minimum<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Minimum";

    public Minimum(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Minimum} node. */
    public static <T extends TNumber> Minimum<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Minimum");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Minimum<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
