package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Absolute value; mirrors {@code org.tensorflow.op.math.Abs} (op type {@code Abs}). */
public final class Abs<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Abs";

    public Abs(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Abs} node. */
    public static <T extends TNumber> Abs<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Abs");
        b.addInput(x.asOutput());
        return new Abs<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
