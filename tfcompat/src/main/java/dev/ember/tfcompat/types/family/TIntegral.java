package dev.ember.tfcompat.types.family;

/** Integer tensors; mirrors {@code org.tensorflow.types.family.TIntegral}. */
public interface TIntegral extends TNumber {
}
