/**
 * The autograd graph: {@link dev.ember.engine.autograd.Node} (a tensor's {@code gradFn}),
 * {@link dev.ember.engine.autograd.Edge}, leaf accumulation, saved tensors with in-place checks,
 * the backward pass ({@link dev.ember.engine.autograd.Autograd}), custom
 * {@link dev.ember.engine.autograd.Function}s and {@link dev.ember.engine.autograd.GradCheck}.
 */
package dev.ember.engine.autograd;
