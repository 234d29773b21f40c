package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Remainder with the sign of the dividend ({@code fmod});
 * mirrors {@code org.tensorflow.op.math.TruncateMod} (op type {@code TruncateMod}).
 */
public final class TruncateMod<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "TruncateMod";

    public TruncateMod(Operation operation) {
        super(operation);
    }

    /** Adds a {@code TruncateMod} node. */
    public static <T extends TNumber> TruncateMod<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "TruncateMod");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new TruncateMod<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
