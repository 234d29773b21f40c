package dev.ember.engine.nn;

import java.util.Arrays;

/**
 * The keyword arguments of the convolution layers {@link Conv1d}, {@link Conv2d} and
 * {@link ConvTranspose2d}, with PyTorch's defaults (stride 1, padding 0, dilation 1,
 * output_padding 0, groups 1, bias, padding_mode 'zeros'). Immutable: each setter returns a
 * changed copy, so
 * {@code new Conv2d(3, 16, 3, ConvOptions.defaults().padding(1).bias(false))} mirrors
 * {@code nn.Conv2d(3, 16, 3, padding=1, bias=False)}. Sizes take one value (every spatial
 * dimension) or one per spatial dimension; the layer checks them.
 */
public final class ConvOptions {
    private static final ConvOptions DEFAULTS = new ConvOptions(new int[] {1}, new int[] {0}, null, new int[] {1},
            new int[] {0}, 1, true, "zeros");

    final int[] stride;
    final int[] padding;
    /** {@code "same"} or {@code "valid"} when padding was given as a string, else null. */
    final String paddingString;
    final int[] dilation;
    final int[] outputPadding;
    final int groups;
    final boolean bias;
    final String paddingMode;

    private ConvOptions(int[] stride, int[] padding, String paddingString, int[] dilation, int[] outputPadding,
            int groups, boolean bias, String paddingMode) {
        this.stride = stride;
        this.padding = padding;
        this.paddingString = paddingString;
        this.dilation = dilation;
        this.outputPadding = outputPadding;
        this.groups = groups;
        this.bias = bias;
        this.paddingMode = paddingMode;
    }

    /** PyTorch's defaults. */
    public static ConvOptions defaults() {
        return DEFAULTS;
    }

    /** {@code stride=}: one value or one per spatial dimension. */
    public ConvOptions stride(int... stride) {
        return new ConvOptions(copy(stride), padding, paddingString, dilation, outputPadding, groups, bias,
                paddingMode);
    }

    /** {@code padding=} as sizes: zeros added on both sides of each spatial dimension. */
    public ConvOptions padding(int... padding) {
        return new ConvOptions(stride, copy(padding), null, dilation, outputPadding, groups, bias, paddingMode);
    }

    /**
     * {@code padding='same'} (output size = input size; stride 1 only; an odd total puts the extra
     * zero after, like PyTorch) or {@code padding='valid'} (no padding). Not for transposed
     * convolutions.
     */
    public ConvOptions padding(String padding) {
        return new ConvOptions(stride, new int[] {0}, padding, dilation, outputPadding, groups, bias, paddingMode);
    }

    /** {@code dilation=}: one value or one per spatial dimension. */
    public ConvOptions dilation(int... dilation) {
        return new ConvOptions(stride, padding, paddingString, copy(dilation), outputPadding, groups, bias,
                paddingMode);
    }

    /** {@code output_padding=} of a transposed convolution: extra size added to one side of the output. */
    public ConvOptions outputPadding(int... outputPadding) {
        return new ConvOptions(stride, padding, paddingString, dilation, copy(outputPadding), groups, bias,
                paddingMode);
    }

    /** {@code groups=}: channels are split into this many independent groups. */
    public ConvOptions groups(int groups) {
        return new ConvOptions(stride, padding, paddingString, dilation, outputPadding, groups, bias, paddingMode);
    }

    /** {@code bias=}: whether the layer has a learnable bias. */
    public ConvOptions bias(boolean bias) {
        return new ConvOptions(stride, padding, paddingString, dilation, outputPadding, groups, bias, paddingMode);
    }

    /** {@code padding_mode=}: only {@code 'zeros'} is supported; the layer refuses the others clearly. */
    public ConvOptions paddingMode(String paddingMode) {
        return new ConvOptions(stride, padding, paddingString, dilation, outputPadding, groups, bias, paddingMode);
    }

    private static int[] copy(int[] v) {
        return v == null ? null : v.clone();
    }

    @Override
    public String toString() {
        return "ConvOptions(stride=" + Arrays.toString(stride) + ", padding="
                + (paddingString != null ? PyRepr.pyString(paddingString) : Arrays.toString(padding)) + ", dilation="
                + Arrays.toString(dilation) + ", output_padding=" + Arrays.toString(outputPadding) + ", groups="
                + groups + ", bias=" + bias + ", padding_mode=" + PyRepr.pyString(paddingMode) + ")";
    }
}
