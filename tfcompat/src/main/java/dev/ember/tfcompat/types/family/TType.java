package dev.ember.tfcompat.types.family;

import dev.ember.tfcompat.Tensor;

/** Common interface of all typed tensors; mirrors {@code org.tensorflow.types.family.TType}. */
public interface TType extends Tensor {
    /** The tensor's type class, e.g. {@code TFloat32.class}. */
    Class<? extends TType> type();
}
