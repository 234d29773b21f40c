package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code x - y}, broadcast; mirrors {@code org.tensorflow.op.math.Sub} (op type {@code Sub}). */
public final class Sub<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Sub";

    public Sub(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Sub} node. */
    public static <T extends TType> Sub<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Sub");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Sub<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
