package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code floor(x / y)}; mirrors {@code org.tensorflow.op.math.FloorDiv} (op type {@code FloorDiv}). */
public final class FloorDiv<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "FloorDiv";

    public FloorDiv(Operation operation) {
        super(operation);
    }

    /** Adds a {@code FloorDiv} node. */
    public static <T extends TType> FloorDiv<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "FloorDiv");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new FloorDiv<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
