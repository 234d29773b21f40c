package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * 2-D max pooling over {@code (N, C, H, W)} or unbatched {@code (C, H, W)} input; mirrors
 * {@code torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)}
 * (stride defaults to the kernel size; padded positions never win). Sizes are an int (both
 * dimensions) or a pair, and print as given, like PyTorch (a one-value array prints as an int).
 * {@code return_indices} is not supported, so {@code ceil_mode} is the fifth argument here (the
 * sixth in PyTorch). No parameters.
 */
public class MaxPool2d extends Module {
    private final PoolArg kernelSize;
    private final PoolArg stride;
    private final PoolArg padding;
    private final PoolArg dilation;
    private final boolean ceilMode;

    /** {@code nn.MaxPool2d(kernel_size)}: stride = kernel size. */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** {@code nn.MaxPool2d(kernel_size, stride)}. */
    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    /** {@code nn.MaxPool2d(kernel_size, stride, padding)}. */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride, padding, 1, false);
    }

    /** {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode)}. */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(PoolArg.of(kernelSize), PoolArg.of(stride), PoolArg.of(padding), PoolArg.of(dilation), ceilMode);
    }

    /**
     * {@code nn.MaxPool2d((kH, kW), (sH, sW), (pH, pW), (dH, dW), ceil_mode)}: each 1 or 2 values;
     * a null {@code stride} means the kernel size.
     */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this(PoolArg.of("MaxPool2d", "kernel_size", kernelSize, 2),
                stride == null ? PoolArg.of("MaxPool2d", "kernel_size", kernelSize, 2)
                        : PoolArg.of("MaxPool2d", "stride", stride, 2),
                PoolArg.of("MaxPool2d", "padding", padding, 2), PoolArg.of("MaxPool2d", "dilation", dilation, 2),
                ceilMode);
    }

    private MaxPool2d(PoolArg kernelSize, PoolArg stride, PoolArg padding, PoolArg dilation, boolean ceilMode) {
        String op = name();
        this.kernelSize = kernelSize.atLeast(op, "kernel_size", 1);
        this.stride = stride.atLeast(op, "stride", 1);
        this.padding = padding.atLeast(op, "padding", 0);
        this.dilation = dilation.atLeast(op, "dilation", 1);
        this.ceilMode = ceilMode;
        Pooling.checkPadding(op, kernelSize, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Pooling.batched(name(), input);
        Tensor out = Functional.maxPool2d(x, kernelSize.expand(2), stride.expand(2), padding.expand(2),
                dilation.expand(2), ceilMode);
        return input.dim() == 3 ? out.squeeze(0) : out;
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + py(ceilMode);
    }
}
