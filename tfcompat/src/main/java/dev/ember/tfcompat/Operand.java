package dev.ember.tfcompat;

import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.Shaped;

/** Something that can be used as an op input; mirrors {@code org.tensorflow.Operand}. */
public interface Operand<T extends TType> extends Op, Shaped {
    /** The output this operand stands for. */
    Output<T> asOutput();

    /** The static shape known at graph-building time (may have unknown dimensions). */
    @Override
    default Shape shape() {
        return asOutput().shape();
    }

    /** The element type class, e.g. {@code TFloat32.class}. */
    default Class<T> type() {
        return asOutput().type();
    }

    /** The value, in eager mode only; mirrors {@code Operand.asTensor()}. */
    default T asTensor() {
        return asOutput().asTensor();
    }

    @Override
    default Operation op() {
        return asOutput().op();
    }
}
