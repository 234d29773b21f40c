package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code x / y} for floating types; mirrors {@code org.tensorflow.op.math.RealDiv} (op type {@code RealDiv}). */
public final class RealDiv<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "RealDiv";

    public RealDiv(Operation operation) {
        super(operation);
    }

    /** Adds a {@code RealDiv} node. */
    public static <T extends TType> RealDiv<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "RealDiv");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new RealDiv<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
