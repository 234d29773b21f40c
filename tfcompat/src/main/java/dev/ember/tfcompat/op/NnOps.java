package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.nn.Relu;
import dev.ember.tfcompat.types.family.TNumber;

/** The {@code tf.nn} group; mirrors {@code org.tensorflow.op.NnOps}. */
public final class NnOps {
    private final Scope scope;

    NnOps(Scope scope) {
        this.scope = scope;
    }

    /** {@code max(features, 0)}; mirrors {@code tf.nn.relu}. */
    public <T extends TNumber> Relu<T> relu(Operand<T> features) {
        return Relu.create(scope, features);
    }
}
