package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Square root; mirrors {@code org.tensorflow.op.math.Sqrt} (op type {@code Sqrt}). */
public final class Sqrt<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Sqrt";

    public Sqrt(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Sqrt} node. */
    public static <T extends TType> Sqrt<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Sqrt");
        b.addInput(x.asOutput());
        return new Sqrt<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
