package dev.ember.tfcompat.op.linalg;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code x} with its dimensions permuted by {@code perm};
 * mirrors {@code org.tensorflow.op.linalg.Transpose} (op type {@code Transpose}).
 */
public final class Transpose<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Transpose";

    public Transpose(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Transpose} node. */
    public static <T extends TType> Transpose<T> create(Scope scope, Operand<T> x, Operand<? extends TNumber> perm) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Transpose");
        b.addInput(x.asOutput());
        b.addInput(perm.asOutput());
        return new Transpose<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
