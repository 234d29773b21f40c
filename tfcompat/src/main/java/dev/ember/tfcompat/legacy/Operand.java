package dev.ember.tfcompat.legacy;

/** Something usable as an op input; mirrors libtensorflow 1.15's {@code org.tensorflow.Operand}. */
public interface Operand<T> {
    /** The symbolic handle of the tensor. */
    Output<T> asOutput();
}
