package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Elementwise maximum, broadcast; mirrors {@code org.tensorflow.op.math.Maximum} (op type {@code Maximum}). */
public final class Maximum<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Maximum";

    public Maximum(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Maximum} node. */
    public static <T extends TNumber> Maximum<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Maximum");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Maximum<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
