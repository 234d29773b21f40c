/** Tensor type families ({@code TType}, {@code TNumber}, ...); mirrors {@code org.tensorflow.types.family}. */
package dev.ember.tfcompat.types.family;
