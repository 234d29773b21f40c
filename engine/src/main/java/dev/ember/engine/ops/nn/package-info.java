/**
 * Neural-network ops on NCHW tensors, the engine's {@code torch.nn.functional} internals.
 *
 * <p>Primitives (forward kernel and backward together): {@link dev.ember.engine.ops.nn.Conv2d},
 * {@link dev.ember.engine.ops.nn.ConvTranspose2d}, {@link dev.ember.engine.ops.nn.MaxPool2d},
 * {@link dev.ember.engine.ops.nn.AvgPool2d}, {@link dev.ember.engine.ops.nn.Embedding},
 * {@link dev.ember.engine.ops.nn.ConstantPadNd}. Their gradients are ops too (a transposed
 * convolution, a weight gradient, scatter/gather by pooling indices, ...), so gradients of
 * gradients work. Composites with no backward code: conv1d, adaptive average pooling, dropout,
 * batch and layer norm.
 */
package dev.ember.engine.ops.nn;
