package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code x * x}; mirrors {@code org.tensorflow.op.math.Square} (op type {@code Square}). */
public final class Square<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Square";

    public Square(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Square} node. */
    public static <T extends TType> Square<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Square");
        b.addInput(x.asOutput());
        return new Square<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
