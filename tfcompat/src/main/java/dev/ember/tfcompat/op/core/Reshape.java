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
 * {@code tensor} with a new shape (one dimension may be -1);
 * mirrors {@code org.tensorflow.op.core.Reshape} (op type {@code Reshape}).
 */
public final class Reshape<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Reshape";

    public Reshape(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Reshape} node. */
    public static <T extends TType> Reshape<T> create(Scope scope, Operand<T> tensor,
            Operand<? extends TNumber> shape) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Reshape");
        b.addInput(tensor.asOutput());
        b.addInput(shape.asOutput());
        return new Reshape<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
