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
 * A tensor of shape {@code dims} filled with the scalar {@code value};
 * mirrors {@code org.tensorflow.op.core.Fill} (op type {@code Fill}).
 */
public final class Fill<U extends TType> extends RawOperand<U> {
    public static final String OP_NAME = "Fill";

    public Fill(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Fill} node. */
    public static <U extends TType> Fill<U> create(Scope scope, Operand<? extends TNumber> dims, Operand<U> value) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Fill");
        b.addInput(dims.asOutput());
        b.addInput(value.asOutput());
        return new Fill<>(b.build());
    }

    public Output<U> output() {
        return asOutput();
    }
}
