package dev.ember.tfcompat.types.family;

/** Numeric tensors; mirrors {@code org.tensorflow.types.family.TNumber}. */
public interface TNumber extends TType {
}
