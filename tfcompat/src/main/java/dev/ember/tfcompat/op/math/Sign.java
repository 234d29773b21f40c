package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Sign (-1, 0 or 1); mirrors {@code org.tensorflow.op.math.Sign} (op type {@code Sign}). */
public final class Sign<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Sign";

    public Sign(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Sign} node. */
    public static <T extends TType> Sign<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Sign");
        b.addInput(x.asOutput());
        return new Sign<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
