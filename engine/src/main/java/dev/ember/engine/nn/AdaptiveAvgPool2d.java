package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Adaptive 2-D average pooling to a fixed output size, whatever the input size, over
 * {@code (N, C, H, W)} or {@code (C, H, W)}; mirrors {@code torch.nn.AdaptiveAvgPool2d(output_size)}.
 * The size is an int (square) or a pair and prints as given. No parameters.
 */
public class AdaptiveAvgPool2d extends Module {
    private final PoolArg outputSize;

    /** {@code nn.AdaptiveAvgPool2d(size)}: a {@code size x size} output. */
    public AdaptiveAvgPool2d(int outputSize) {
        this.outputSize = PoolArg.of(outputSize).atLeast(name(), "output_size", 0);
    }

    /** {@code nn.AdaptiveAvgPool2d((oH, oW))}. */
    public AdaptiveAvgPool2d(int outputHeight, int outputWidth) {
        this(new int[] {outputHeight, outputWidth});
    }

    /** {@code nn.AdaptiveAvgPool2d(output_size)} with 1 value (printed as an int) or 2 (a tuple). */
    public AdaptiveAvgPool2d(int[] outputSize) {
        this.outputSize = PoolArg.of(name(), "output_size", outputSize, 2).atLeast(name(), "output_size", 0);
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.adaptiveAvgPool2d(input, outputSize.expand(2));
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + outputSize;
    }
}
