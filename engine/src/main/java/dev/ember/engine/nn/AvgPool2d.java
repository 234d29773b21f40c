package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * 2-D average pooling over {@code (N, C, H, W)} or unbatched {@code (C, H, W)} input; mirrors
 * {@code torch.nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False,
 * count_include_pad=True)} with PyTorch's divisor rules (stride defaults to the kernel size).
 * Sizes are an int (both dimensions) or a pair, and print as given, like PyTorch (a one-value
 * array prints as an int). {@code divisor_override} is not supported. No parameters.
 */
public class AvgPool2d extends Module {
    private final PoolArg kernelSize;
    private final PoolArg stride;
    private final PoolArg padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /** {@code nn.AvgPool2d(kernel_size)}: stride = kernel size. */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** {@code nn.AvgPool2d(kernel_size, stride)}. */
    public AvgPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0);
    }

    /** {@code nn.AvgPool2d(kernel_size, stride, padding)}. */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(kernelSize, stride, padding, false, true);
    }

    /** {@code nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad)}. */
    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        this(PoolArg.of(kernelSize), PoolArg.of(stride), PoolArg.of(padding), ceilMode, countIncludePad);
    }

    /**
     * {@code nn.AvgPool2d((kH, kW), (sH, sW), (pH, pW), ceil_mode, count_include_pad)}: each 1 or 2
     * values; a null {@code stride} means the kernel size.
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this(PoolArg.of("AvgPool2d", "kernel_size", kernelSize, 2),
                stride == null ? PoolArg.of("AvgPool2d", "kernel_size", kernelSize, 2)
                        : PoolArg.of("AvgPool2d", "stride", stride, 2),
                PoolArg.of("AvgPool2d", "padding", padding, 2), ceilMode, countIncludePad);
    }

    private AvgPool2d(PoolArg kernelSize, PoolArg stride, PoolArg padding, boolean ceilMode,
            boolean countIncludePad) {
        String op = name();
        this.kernelSize = kernelSize.atLeast(op, "kernel_size", 1);
        this.stride = stride.atLeast(op, "stride", 1);
        this.padding = padding.atLeast(op, "padding", 0);
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        Pooling.checkPadding(op, kernelSize, padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = Pooling.batched(name(), input);
        Tensor out = Functional.avgPool2d(x, kernelSize.expand(2), stride.expand(2), padding.expand(2), ceilMode,
                countIncludePad);
        return input.dim() == 3 ? out.squeeze(0) : out;
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding;
    }
}
