package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.linalg.MatMul;
import dev.ember.tfcompat.op.linalg.Transpose;
import dev.ember.tfcompat.types.family.TNumber;
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

    /** {@code x} with its dimensions permuted by {@code perm}; mirrors {@code tf.linalg.transpose}. */
    public <T extends TType> Transpose<T> transpose(Operand<T> x, Operand<? extends TNumber> perm) {
        return Transpose.create(scope, x, perm);
    }
}
