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
 * {@code input} with a size-1 dimension inserted at {@code axis};
 * mirrors {@code org.tensorflow.op.core.ExpandDims} (op type {@code ExpandDims}).
 */
public final class ExpandDims<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ExpandDims";

    public ExpandDims(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ExpandDims} node. */
    public static <T extends TType> ExpandDims<T> create(Scope scope, Operand<T> input,
            Operand<? extends TNumber> axis) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ExpandDims");
        b.addInput(input.asOutput());
        b.addInput(axis.asOutput());
        return new ExpandDims<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
