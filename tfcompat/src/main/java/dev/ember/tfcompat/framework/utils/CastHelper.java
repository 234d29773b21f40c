package dev.ember.tfcompat.framework.utils;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.family.TType;

/** Casts only when needed; mirrors {@code org.tensorflow.framework.utils.CastHelper}. */
public class CastHelper {
    /** {@code value} itself when it already has type {@code requiredType}, else a {@code Cast} of it. */
    @SuppressWarnings("unchecked")
    public static <T extends TType, U extends TType> Operand<T> cast(Ops tf, Operand<U> value, Class<T> requiredType) {
        return value.type() == requiredType ? (Operand<T>) value : tf.dtypes.cast(value, requiredType);
    }
}
