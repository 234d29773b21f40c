package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * The values of {@code x} not in {@code y}, in order, and their positions in {@code x};
 * mirrors {@code org.tensorflow.op.core.SetDiff1d} (op type {@code ListDiff}).
 */
public final class SetDiff1d<T extends TType, U extends TNumber> extends RawOp {
    public static final String OP_NAME = "ListDiff";

    public SetDiff1d(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ListDiff} node. */
    public static <T extends TType, U extends TNumber> SetDiff1d<T, U> create(Scope scope, Operand<T> x, Operand<T> y,
            Class<U> outIdx) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "SetDiff1d");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        b.setAttr("out_idx", TypeInfo.of(outIdx).dataType());
        return new SetDiff1d<>(b.build());
    }

    /** Adds a {@code ListDiff} node. */
    public static <T extends TType> SetDiff1d<T, TInt32> create(Scope scope, Operand<T> x, Operand<T> y) {
        return create(scope, x, y, TInt32.class);
    }

    public Output<T> out() {
        return op().output(0);
    }

    public Output<U> idx() {
        return op().output(1);
    }
}
