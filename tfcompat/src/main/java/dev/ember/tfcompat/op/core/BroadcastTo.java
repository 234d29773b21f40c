package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code input} broadcast to {@code shape};
 * mirrors {@code org.tensorflow.op.core.BroadcastTo} (op type {@code BroadcastTo}).
 */
public final class BroadcastTo<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "BroadcastTo";

    public BroadcastTo(Operation operation) {
        super(operation);
    }

    /** Adds a {@code BroadcastTo} node. */
    public static <T extends TType> BroadcastTo<T> create(Scope scope, Operand<T> input,
            Operand<? extends TNumber> shape) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "BroadcastTo");
        b.addInput(input.asOutput());
        b.addInput(shape.asOutput());
        return new BroadcastTo<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
