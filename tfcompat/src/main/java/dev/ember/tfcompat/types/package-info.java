/**
 * Typed tensors; mirrors {@code org.tensorflow.types}. Each is also a TF-Java ndarray
 * ({@code TFloat32} is a {@code FloatNdArray}), backed by a Java array.
 */
package dev.ember.tfcompat.types;
