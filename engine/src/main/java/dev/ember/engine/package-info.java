/**
 * Ember's eager autograd engine: {@link dev.ember.engine.Tensor} (a PyTorch-style tensor over
 * ND4J), dtypes, devices, seeded generators and grad mode.
 *
 * <p>Where things live: ops (forward + backward, one file each) under {@code ops/<family>};
 * the autograd graph and backward pass under {@code autograd}; the kernel interface under
 * {@code backend} with its ND4J implementation in {@code backend.nd4j} (the only package that
 * imports ND4J); neural-network code under {@code nn}.
 */
package dev.ember.engine;
