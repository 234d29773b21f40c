package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TType;

/**
 * One value everywhere, converted to the variable's type as TF's {@code Cast} does; mirrors
 * {@code org.tensorflow.framework.initializers.Constant}.
 */
public class Constant<T extends TType> extends BaseInitializer<T> {
    private final Object value;

    public Constant(long value) {
        this.value = value;
    }

    public Constant(double value) {
        this.value = value;
    }

    public Constant(boolean value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException for a type that is neither numeric nor boolean */
    @Override
    public Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type) {
        Filled.checkNumericOrBool(type);
        return Filled.of(tf, dims, type, value);
    }
}
