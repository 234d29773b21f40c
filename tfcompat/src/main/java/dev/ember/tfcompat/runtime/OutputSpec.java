package dev.ember.tfcompat.runtime;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Type and static shape of one op output, decided when the op is added to a graph. */
public record OutputSpec(DataType dtype, Shape shape) {
    /** An output of {@code dtype} whose shape is not known statically. */
    public static OutputSpec unknown(DataType dtype) {
        return new OutputSpec(dtype, Shape.unknown());
    }
}
