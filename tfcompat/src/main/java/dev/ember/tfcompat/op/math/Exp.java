package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** e to the power x; mirrors {@code org.tensorflow.op.math.Exp} (op type {@code Exp}). */
public final class Exp<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Exp";

    public Exp(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Exp} node. */
    public static <T extends TType> Exp<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Exp");
        b.addInput(x.asOutput());
        return new Exp<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
