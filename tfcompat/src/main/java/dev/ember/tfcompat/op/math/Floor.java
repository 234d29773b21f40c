package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Largest integer not greater than x; mirrors {@code org.tensorflow.op.math.Floor} (op type {@code Floor}). */
public final class Floor<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Floor";

    public Floor(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Floor} node. */
    public static <T extends TNumber> Floor<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Floor");
        b.addInput(x.asOutput());
        return new Floor<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
