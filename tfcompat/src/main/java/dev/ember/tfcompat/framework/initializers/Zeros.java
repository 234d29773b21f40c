package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.framework.utils.ShapeUtils;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TType;

/** Zeros (empty strings for TString); mirrors {@code org.tensorflow.framework.initializers.Zeros}. */
public class Zeros<T extends TType> extends BaseInitializer<T> {
    public Zeros() {
    }

    @Override
    public Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type) {
        T zeros = TypeInfo.of(type).zeros(ShapeUtils.toShape(tf.scope(), dims));
        return tf.constantOf(zeros);
    }
}
