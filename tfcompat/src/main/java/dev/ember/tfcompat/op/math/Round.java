package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Nearest integer, halves to even; mirrors {@code org.tensorflow.op.math.Round} (op type {@code Round}). */
public final class Round<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Round";

    public Round(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Round} node. */
    public static <T extends TType> Round<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Round");
        b.addInput(x.asOutput());
        return new Round<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
