/** Elementwise ops with broadcasting and PyTorch's type promotion: arithmetic, math functions, activations, comparisons. */
package dev.ember.engine.ops.elementwise;
