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
 * The block of {@code input} starting at {@code begin} of extent {@code size} (-1: to the end);
 * mirrors {@code org.tensorflow.op.core.Slice} (op type {@code Slice}).
 */
public final class Slice<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Slice";

    public Slice(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Slice} node. */
    public static <T extends TType, U extends TNumber> Slice<T> create(Scope scope, Operand<T> input,
            Operand<U> begin, Operand<U> size) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Slice");
        b.addInput(input.asOutput());
        b.addInput(begin.asOutput());
        b.addInput(size.asOutput());
        return new Slice<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
