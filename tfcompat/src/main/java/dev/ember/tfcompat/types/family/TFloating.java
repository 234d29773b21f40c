package dev.ember.tfcompat.types.family;

/** Floating-point tensors; mirrors {@code org.tensorflow.types.family.TFloating}. */
public interface TFloating extends TNumber {
}
