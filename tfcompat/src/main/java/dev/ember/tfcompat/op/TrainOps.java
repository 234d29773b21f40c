package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.train.ApplyGradientDescent;
import dev.ember.tfcompat.types.family.TType;

/** The {@code tf.train} group; mirrors {@code org.tensorflow.op.TrainOps}. */
public final class TrainOps {
    private final Scope scope;

    TrainOps(Scope scope) {
        this.scope = scope;
    }

    /** {@code var -= alpha * delta}; mirrors {@code tf.train.applyGradientDescent}. */
    public <T extends TType> ApplyGradientDescent<T> applyGradientDescent(Operand<T> var, Operand<T> alpha,
            Operand<T> delta, ApplyGradientDescent.Options... options) {
        return ApplyGradientDescent.create(scope, var, alpha, delta, options);
    }
}
