package dev.ember.engine.backend;

/**
 * Convolution and pooling on NCHW arrays with OIHW weights. Padding is symmetric per spatial
 * dimension; callers pad explicitly for asymmetric cases.
 */
public interface NnKernels {
    /** 2-D cross-correlation, {@code groups = 1}; {@code bias} may be null. */
    Array conv2d(Array input, Array weight, Array bias, int[] stride, int[] padding, int[] dilation);

    /** Gradients of {@link #conv2d} with respect to input and weight: {@code {gradInput, gradWeight}}. */
    Array[] conv2dBackward(Array input, Array weight, Array gradOutput, int[] stride, int[] padding, int[] dilation);

    /** Max pooling; padded positions never win (they act as -infinity). */
    Array maxPool2d(Array input, int[] kernel, int[] stride, int[] padding, int[] dilation);

    /** Gradient of {@link #maxPool2d} with respect to its input. */
    Array maxPool2dBackward(Array input, Array gradOutput, int[] kernel, int[] stride, int[] padding, int[] dilation);

    /** Average pooling; {@code countIncludePad} decides whether padded zeros count in the divisor. */
    Array avgPool2d(Array input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad);

    /** Gradient of {@link #avgPool2d} with respect to its input. */
    Array avgPool2dBackward(Array input, Array gradOutput, int[] kernel, int[] stride, int[] padding, boolean countIncludePad);
}
