package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.Tensor;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** A constant tensor in the graph; mirrors {@code org.tensorflow.op.core.Constant}. */
public final class Constant<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Const";

    public Constant(Operation operation) {
        super(operation);
    }

    /** A constant holding {@code tensor}'s values (the tensor is kept, not copied). */
    public static <T extends TType> Constant<T> create(Scope scope, T tensor) {
        return new Constant<>(scope.opBuilder(OP_NAME, "Const").setAttr("value", (Tensor) tensor)
                .setAttr("dtype", tensor.dataType()).build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
