package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TType;

/** Produces a variable's initial value; mirrors {@code org.tensorflow.framework.initializers.Initializer}. */
public interface Initializer<T extends TType> {
    /** The initial value, of shape {@code dims} and type {@code type}, built with {@code tf}. */
    Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type);
}
