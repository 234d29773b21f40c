package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Zeros of the shape and type of {@code x};
 * mirrors {@code org.tensorflow.op.core.ZerosLike} (op type {@code ZerosLike}).
 */
public final class ZerosLike<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ZerosLike";

    public ZerosLike(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ZerosLike} node. */
    public static <T extends TType> ZerosLike<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ZerosLike");
        b.addInput(x.asOutput());
        return new ZerosLike<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
