/**
 * Neural networks, mirroring {@code torch.nn}: {@code Functional} (the engine's
 * {@code torch.nn.functional}), {@code Module} and its containers, the layers (linear,
 * convolution, pooling, normalisation, dropout, embedding), activation modules, losses,
 * {@code Init} and {@code ClipGrad}.
 */
package dev.ember.engine.nn;
