/**
 * One file per primitive op, forward and backward together, grouped by family:
 * {@code elementwise}, {@code shape}, {@code reduce}, {@code linalg}, {@code nn}.
 *
 * <p>An op class extends {@link dev.ember.engine.autograd.Node}; its static {@code apply}
 * validates arguments (errors name the op, the argument and the shapes), runs the backend kernel
 * and calls {@link dev.ember.engine.autograd.Node#record}; its {@code backward} returns one
 * gradient per input written in tensor ops. Composite ops (softmax, var, layer norm, ...) are built
 * from primitives in {@code Tensor} / {@code nn.Functional} and have no backward code.
 * Every op has one row in the engine's op-spec test table.
 */
package dev.ember.engine.ops;
