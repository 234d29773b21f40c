package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TType;

/** Ones (true for TBool); mirrors {@code org.tensorflow.framework.initializers.Ones}. */
public class Ones<T extends TType> extends BaseInitializer<T> {
    public Ones() {
    }

    /** @throws IllegalArgumentException for a type that is neither numeric nor boolean */
    @Override
    public Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type) {
        Filled.checkNumericOrBool(type);
        return Filled.of(tf, dims, type, 1L);
    }
}
