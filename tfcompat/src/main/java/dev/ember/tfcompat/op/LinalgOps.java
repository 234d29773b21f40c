package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.linalg.MatMul;
import dev.ember.tfcompat.types.family.TType;

/** The {@code tf.linalg} group; mirrors {@code org.tensorflow.op.LinalgOps}. */
public final class LinalgOps {
    private final Scope scope;

    LinalgOps(Scope scope) {
        this.scope = scope;
    }

    /** Matrix product; mirrors {@code tf.linalg.matMul}. */
    public <T extends TType> MatMul<T> matMul(Operand<T> a, Operand<T> b, MatMul.Options... options) {
        return MatMul.create(scope, a, b, options);
    }
}
