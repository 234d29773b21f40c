package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Ones of the shape and type of {@code x};
 * mirrors {@code org.tensorflow.op.core.OnesLike} (op type {@code OnesLike}).
 */
public final class OnesLike<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "OnesLike";

    public OnesLike(Operation operation) {
        super(operation);
    }

    /** Adds a {@code OnesLike} node. */
    public static <T extends TType> OnesLike<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "OnesLike");
        b.addInput(x.asOutput());
        return new OnesLike<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
