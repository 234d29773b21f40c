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
 * {@code input} padded with {@code constantValues} ({@code paddings} is [rank, 2]);
 * mirrors {@code org.tensorflow.op.core.Pad} (op type {@code PadV2}).
 */
public final class Pad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "PadV2";

    public Pad(Operation operation) {
        super(operation);
    }

    /** Adds a {@code PadV2} node. */
    public static <T extends TType> Pad<T> create(Scope scope, Operand<T> input, Operand<? extends TNumber> paddings,
            Operand<T> constantValues) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Pad");
        b.addInput(input.asOutput());
        b.addInput(paddings.asOutput());
        b.addInput(constantValues.asOutput());
        return new Pad<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
