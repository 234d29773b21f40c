/** Neural-network primitives on NCHW tensors: convolution, pooling, embedding. */
package dev.ember.engine.ops.nn;
