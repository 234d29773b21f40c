package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Gauss error function; mirrors {@code org.tensorflow.op.math.Erf} (op type {@code Erf}). */
public final class Erf<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Erf";

    public Erf(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Erf} node. */
    public static <T extends TNumber> Erf<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Erf");
        b.addInput(x.asOutput());
        return new Erf<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
