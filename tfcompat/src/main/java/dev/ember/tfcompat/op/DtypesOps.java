package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.dtypes.Cast;
import dev.ember.tfcompat.op.dtypes.ToBool;
import dev.ember.tfcompat.types.family.TType;

/** The {@code tf.dtypes} group; mirrors {@code org.tensorflow.op.DtypesOps}. */
public final class DtypesOps {
    private final Scope scope;

    DtypesOps(Scope scope) {
        this.scope = scope;
    }

    /** Converts {@code x} to {@code dstT}; mirrors {@code tf.dtypes.cast}. */
    public <U extends TType> Cast<U> cast(Operand<? extends TType> x, Class<U> dstT, Cast.Options... options) {
        return Cast.create(scope, x, dstT, options);
    }

    /** A scalar as bool ({@code != 0}); a non-scalar is true when it has elements; mirrors {@code tf.dtypes.toBool}. */
    public ToBool toBool(Operand<? extends TType> input) {
        return ToBool.create(scope, input);
    }
}
