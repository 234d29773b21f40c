/**
 * Neural networks: {@code Functional} (the engine's {@code torch.nn.functional}); modules,
 * layers, losses and init follow.
 */
package dev.ember.engine.nn;
