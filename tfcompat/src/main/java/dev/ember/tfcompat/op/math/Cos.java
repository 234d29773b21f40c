package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Cosine; mirrors {@code org.tensorflow.op.math.Cos} (op type {@code Cos}). */
public final class Cos<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Cos";

    public Cos(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Cos} node. */
    public static <T extends TType> Cos<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Cos");
        b.addInput(x.asOutput());
        return new Cos<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
