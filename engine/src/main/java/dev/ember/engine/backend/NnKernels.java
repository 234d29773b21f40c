package dev.ember.engine.backend;

/**
 * Convolution and pooling on NCHW arrays with PyTorch's OIHW weights and PyTorch's semantics.
 * Inputs may be non-contiguous views; outputs are new arrays.
 *
 * <p>Convolutions take symmetric {@code padding {pH, pW}} (callers pad explicitly for asymmetric
 * cases) and {@code groups}: weight {@code (O, C/groups, kH, kW)}. Pooling takes the output size
 * from the caller, so floor and ceil mode are decided in one place (the op); windows that run past
 * the padded input simply have fewer elements.
 */
public interface NnKernels {
    /** 2-D cross-correlation (torch.conv2d); {@code bias} may be null. */
    Array conv2d(Array input, Array weight, Array bias, int[] stride, int[] padding, int[] dilation, int groups);

    /** Both gradients of {@link #conv2d} (without bias) in one pass: {@code {gradInput, gradWeight}}. */
    Array[] conv2dBackward(Array input, Array weight, Array gradOutput, int[] stride, int[] padding, int[] dilation,
            int groups);

    /**
     * Gradient of {@link #conv2d} with respect to an input of {@code inputShape}: the transposed
     * convolution (torch.conv_transpose2d, whose output padding {@code inputShape} implies).
     */
    Array conv2dInputGrad(Array gradOutput, Array weight, long[] inputShape, int[] stride, int[] padding,
            int[] dilation, int groups);

    /** Gradient of {@link #conv2d} with respect to a weight of {@code weightShape}. */
    Array conv2dWeightGrad(Array input, Array gradOutput, long[] weightShape, int[] stride, int[] padding,
            int[] dilation, int groups);

    /**
     * Max pooling with PyTorch's indices (torch.max_pool2d_with_indices): {@code {values, indices}},
     * indices int64 into each input plane's {@code H*W}. Padded positions never win; NaN wins; ties
     * go to the first position in row-major window order.
     */
    Array[] maxPool2d(Array input, int[] kernel, int[] stride, int[] padding, int[] dilation, int[] outputSize);

    /**
     * Gradient of {@link #maxPool2d} with respect to an input of {@code inputShape}: each output
     * gradient added at its index (torch's max_pool2d_with_indices_backward).
     */
    Array maxPool2dBackward(Array gradOutput, Array indices, long[] inputShape);

    /**
     * Average pooling (torch.avg_pool2d) with PyTorch's divisor: the window clipped to the padded
     * input when {@code countIncludePad}, else clipped to the input.
     */
    Array avgPool2d(Array input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad,
            int[] outputSize);

    /** Gradient of {@link #avgPool2d} with respect to an input of {@code inputShape}. */
    Array avgPool2dBackward(Array gradOutput, long[] inputShape, int[] kernel, int[] stride, int[] padding,
            boolean countIncludePad);
}
