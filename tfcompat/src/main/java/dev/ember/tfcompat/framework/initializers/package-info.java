/**
 * Variable initializers; mirrors {@code org.tensorflow.framework.initializers} 1.0.0:
 * {@code init.call(tf, dims, TFloat32.class)} returns the initial value to pass to {@code tf.variable}.
 * Random initializers use the stateless random ops seeded with {@code [seed, 0]} as TF-Java does:
 * the same seed gives the same values every time, but not TF's values (Ember's generator, not Philox).
 * Constant-valued ones ({@code Zeros}, {@code Ones}, {@code Constant}) build a constant of the evaluated
 * {@code dims} where TF-Java builds {@code Fill}: same values, and tfcompat has no {@code Fill} kernel yet.
 */
package dev.ember.tfcompat.framework.initializers;
