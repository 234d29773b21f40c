package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Smallest integer not less than x; mirrors {@code org.tensorflow.op.math.Ceil} (op type {@code Ceil}). */
public final class Ceil<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Ceil";

    public Ceil(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Ceil} node. */
    public static <T extends TNumber> Ceil<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Ceil");
        b.addInput(x.asOutput());
        return new Ceil<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
