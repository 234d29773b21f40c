package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Nearest integer, halves to even; mirrors {@code org.tensorflow.op.math.Rint} (op type {@code Rint}). */
public final class Rint<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Rint";

    public Rint(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Rint} node. */
    public static <T extends TNumber> Rint<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Rint");
        b.addInput(x.asOutput());
        return new Rint<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
