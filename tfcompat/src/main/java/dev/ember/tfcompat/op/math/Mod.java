package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Remainder with the sign of the dividend (C {@code %}, {@code fmod});
 * mirrors {@code org.tensorflow.op.math.Mod} (op type {@code Mod}).
 */
public final class Mod<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Mod";

    public Mod(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Mod} node. */
    public static <T extends TNumber> Mod<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Mod");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Mod<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
