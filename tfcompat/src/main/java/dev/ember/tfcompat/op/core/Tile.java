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
 * {@code input} repeated {@code multiples[i]} times along each dimension;
 * mirrors {@code org.tensorflow.op.core.Tile} (op type {@code Tile}).
 */
public final class Tile<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Tile";

    public Tile(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Tile} node. */
    public static <T extends TType> Tile<T> create(Scope scope, Operand<T> input,
            Operand<? extends TNumber> multiples) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Tile");
        b.addInput(input.asOutput());
        b.addInput(multiples.asOutput());
        return new Tile<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
