package dev.ember.engine.ops.nn;

/**
 * Stride, symmetric padding {@code {pH, pW}}, dilation and groups of a 2-D convolution, as the
 * kernels take them. A transposed convolution keeps the geometry of the convolution it is the
 * input-gradient of, so forward and gradient ops share one description.
 */
record ConvGeometry(int[] stride, int[] padding, int[] dilation, int groups) {
}
