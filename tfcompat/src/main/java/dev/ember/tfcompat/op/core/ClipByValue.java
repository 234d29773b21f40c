package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code t} clipped into {@code [clipValueMin, clipValueMax]};
 * mirrors {@code org.tensorflow.op.core.ClipByValue} (op type {@code ClipByValue}).
 */
public final class ClipByValue<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ClipByValue";

    public ClipByValue(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ClipByValue} node. */
    public static <T extends TType> ClipByValue<T> create(Scope scope, Operand<T> t, Operand<T> clipValueMin,
            Operand<T> clipValueMax) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ClipByValue");
        b.addInput(t.asOutput());
        b.addInput(clipValueMin.asOutput());
        b.addInput(clipValueMax.asOutput());
        return new ClipByValue<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
