package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.math.Add;
import dev.ember.tfcompat.types.family.TType;

/** The {@code tf.math} group; mirrors {@code org.tensorflow.op.MathOps}. */
public final class MathOps {
    private final Scope scope;

    MathOps(Scope scope) {
        this.scope = scope;
    }

    /** {@code x + y} with broadcasting; mirrors {@code tf.math.add}. */
    public <T extends TType> Add<T> add(Operand<T> x, Operand<T> y) {
        return Add.create(scope, x, y);
    }
}
