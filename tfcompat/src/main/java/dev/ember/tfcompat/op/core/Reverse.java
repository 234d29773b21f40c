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
 * {@code tensor} reversed along the dimensions in {@code axis};
 * mirrors {@code org.tensorflow.op.core.Reverse} (op type {@code ReverseV2}).
 */
public final class Reverse<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ReverseV2";

    public Reverse(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ReverseV2} node. */
    public static <T extends TType> Reverse<T> create(Scope scope, Operand<T> tensor, Operand<? extends TNumber> axis) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Reverse");
        b.addInput(tensor.asOutput());
        b.addInput(axis.asOutput());
        return new Reverse<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
