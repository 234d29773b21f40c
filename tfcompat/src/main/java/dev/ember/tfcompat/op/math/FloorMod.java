package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Remainder with the sign of the divisor (Python {@code %});
 * mirrors {@code org.tensorflow.op.math.FloorMod} (op type {@code FloorMod}).
 */
public final class FloorMod<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "FloorMod";

    public FloorMod(Operation operation) {
        super(operation);
    }

    /** Adds a {@code FloorMod} node. */
    public static <T extends TNumber> FloorMod<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "FloorMod");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new FloorMod<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
