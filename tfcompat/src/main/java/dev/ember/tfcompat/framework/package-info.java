/**
 * The parts of TF-Java's {@code org.tensorflow.framework} (1.0.0) that graph programs use, built on
 * tfcompat's {@code Ops}: optimizers with {@code minimize(loss)} ({@code optimizers}) and variable
 * initializers ({@code initializers}). Same class names, constructors, defaults, slot names and update
 * ops as TF-Java, so migrating is an import swap.
 */
package dev.ember.tfcompat.framework;
