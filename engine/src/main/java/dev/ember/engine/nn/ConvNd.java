package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;
import java.util.Set;

/**
 * What the convolution layers share; mirrors PyTorch's {@code _ConvNd}: argument checks,
 * the {@code weight} / {@code bias} parameters, the default initialisation and the printout.
 * Weight shape: {@code (out_channels, in_channels/groups, *kernel_size)}, or for a transposed
 * convolution {@code (in_channels, out_channels/groups, *kernel_size)}.
 */
public abstract class ConvNd extends Module {
    private static final Set<String> PADDING_MODES = Set.of("zeros", "reflect", "replicate", "circular");

    private final int dims;
    private final boolean transposed;
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final String paddingString;
    private final int[] dilation;
    private final int[] outputPadding;
    private final int groups;
    private final Tensor weight;
    private final Tensor bias;

    ConvNd(int dims, boolean transposed, int inChannels, int outChannels, int[] kernelSize, ConvOptions o) {
        String op = name();
        this.dims = dims;
        this.transposed = transposed;
        checkChannels(op, inChannels, outChannels, o.groups);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = o.groups;
        this.kernelSize = sizes(op, "kernel_size", kernelSize, 1);
        this.stride = sizes(op, "stride", o.stride, 1);
        this.dilation = sizes(op, "dilation", o.dilation, 1);
        this.outputPadding = sizes(op, "output_padding", o.outputPadding, 0);
        this.paddingString = checkPaddingString(op, o.paddingString);
        this.padding = paddingString != null ? new int[dims] : sizes(op, "padding", o.padding, 0);
        checkPaddingMode(op, o.paddingMode);
        checkOutputPadding(op);
        long[] shape = new long[dims + 2];
        shape[0] = transposed ? inChannels : outChannels;
        shape[1] = (transposed ? outChannels : inChannels) / groups;
        for (int i = 0; i < dims; i++) {
            shape[2 + i] = this.kernelSize[i];
        }
        this.weight = registerParameter("weight", Tensor.zeros(shape));
        this.bias = registerParameter("bias", o.bias ? Tensor.zeros(outChannels) : null);
        resetParameters();
    }

    private static void checkChannels(String op, int inChannels, int outChannels, int groups) {
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException(op + ": in_channels and out_channels must be > 0, got " + inChannels
                    + ", " + outChannels);
        }
        if (groups <= 0) {
            throw new IllegalArgumentException(op + ": groups must be a positive integer, got groups=" + groups);
        }
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException(op + ": in_channels must be divisible by groups, got in_channels="
                    + inChannels + ", groups=" + groups);
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException(op + ": out_channels must be divisible by groups, got out_channels="
                    + outChannels + ", groups=" + groups);
        }
    }

    /** {@code v} as one value per spatial dimension, each {@code >= min}. */
    private int[] sizes(String op, String arg, int[] v, int min) {
        if (v == null || (v.length != 1 && v.length != dims)) {
            throw new IllegalArgumentException(op + ": " + arg + " must have 1 or " + dims + " values, got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        int[] out = new int[dims];
        for (int i = 0; i < dims; i++) {
            out[i] = v[v.length == 1 ? 0 : i];
            if (out[i] < min) {
                throw new IllegalArgumentException(op + ": " + arg + " must be " + (min == 0 ? ">= 0" : "> 0")
                        + ", got " + Arrays.toString(v));
            }
        }
        return out;
    }

    private String checkPaddingString(String op, String s) {
        if (s == null) {
            return null;
        }
        if (!s.equals("same") && !s.equals("valid")) {
            throw new IllegalArgumentException(op + ": invalid padding string " + PyRepr.pyString(s)
                    + ", should be one of {'same', 'valid'}");
        }
        if (transposed) {
            throw new IllegalArgumentException(op + ": padding=" + PyRepr.pyString(s) + " is not supported for "
                    + "transposed convolutions (give padding sizes)");
        }
        if (s.equals("same") && Arrays.stream(stride).anyMatch(v -> v != 1)) {
            throw new IllegalArgumentException(op + ": padding='same' is not supported for strided convolutions, "
                    + "got stride=" + PyRepr.pyTuple(stride));
        }
        return s;
    }

    private void checkPaddingMode(String op, String mode) {
        if (mode == null || !PADDING_MODES.contains(mode)) {
            throw new IllegalArgumentException(op + ": padding_mode must be one of {'zeros', 'reflect', 'replicate', "
                    + "'circular'}, but got padding_mode=" + (mode == null ? "None" : PyRepr.pyString(mode)));
        }
        if (!mode.equals("zeros")) {
            throw new IllegalArgumentException(op + ": padding_mode=" + PyRepr.pyString(mode) + " is not supported "
                    + "by this engine; only 'zeros' is" + (transposed ? " (PyTorch also allows only 'zeros' here)"
                    : " (pad with Functional.pad first for other modes)"));
        }
    }

    private void checkOutputPadding(String op) {
        for (int i = 0; i < dims; i++) {
            if (!transposed && outputPadding[i] != 0) {
                throw new IllegalArgumentException(op + ": output_padding applies only to transposed convolutions, got "
                        + "output_padding=" + PyRepr.pyTuple(outputPadding));
            }
            if (outputPadding[i] >= Math.max(stride[i], dilation[i])) {
                throw new IllegalArgumentException(op + ": output padding must be smaller than either stride or "
                        + "dilation, got output_padding=" + PyRepr.pyTuple(outputPadding) + ", stride="
                        + PyRepr.pyTuple(stride) + ", dilation=" + PyRepr.pyTuple(dilation));
            }
        }
    }

    /**
     * Re-draws weight and bias as PyTorch's {@code reset_parameters()}: kaiming_uniform(a=sqrt(5))
     * for the weight, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the bias, where fan_in is
     * {@code weight.size(1) * prod(kernel_size)} (for a transposed convolution that is
     * {@code out_channels/groups * prod(kernel_size)}, as in PyTorch).
     */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU);
        if (bias != null) {
            long fanIn = Init.fans(weight)[0];
            double bound = 1 / Math.sqrt(fanIn);
            Init.uniform_(bias, -bound, bound);
        }
    }

    /** The input as a batch: an unbatched input (no N dimension) gets one, as PyTorch accepts both. */
    Tensor batched(Tensor input) {
        if (input.dim() == dims + 1) {
            return input.unsqueeze(0);
        }
        if (input.dim() != dims + 2) {
            String layout = dims == 1 ? "L" : "H,W";
            throw new IllegalArgumentException(name() + " expects input of rank " + (dims + 1) + " (C," + layout
                    + ") or " + (dims + 2) + " (N,C," + layout + "), got " + Shapes.str(input.shape()));
        }
        return input;
    }

    /** {@code out} without the batch dimension when {@code input} had none. */
    Tensor unbatched(Tensor input, Tensor out) {
        return input.dim() == dims + 1 ? out.squeeze(0) : out;
    }

    /** Zero padding as {@code {before, after}} per spatial dimension ('same' may be asymmetric: the extra one after). */
    int[] padsBeforeAfter() {
        int[] pads = new int[2 * dims];
        for (int i = 0; i < dims; i++) {
            int total = "same".equals(paddingString) ? dilation[i] * (kernelSize[i] - 1) : 2 * padding[i];
            pads[2 * i] = total / 2;
            pads[2 * i + 1] = total - total / 2;
        }
        return pads;
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or {@code null} when built without one. */
    public Tensor bias() {
        return bias;
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] stride() {
        return stride.clone();
    }

    /** The padding sizes ({@code 0}s when padding was given as 'same' or 'valid', see {@link #paddingString()}). */
    public int[] padding() {
        return padding.clone();
    }

    /** {@code "same"} or {@code "valid"} when padding was given as a string, else null. */
    public String paddingString() {
        return paddingString;
    }

    public int[] dilation() {
        return dilation.clone();
    }

    public int[] outputPadding() {
        return outputPadding.clone();
    }

    public int groups() {
        return groups;
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder().append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=").append(PyRepr.pyTuple(kernelSize))
                .append(", stride=").append(PyRepr.pyTuple(stride));
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (Arrays.stream(padding).anyMatch(v -> v != 0)) {
            s.append(", padding=").append(PyRepr.pyTuple(padding));
        }
        if (Arrays.stream(dilation).anyMatch(v -> v != 1)) {
            s.append(", dilation=").append(PyRepr.pyTuple(dilation));
        }
        if (Arrays.stream(outputPadding).anyMatch(v -> v != 0)) {
            s.append(", output_padding=").append(PyRepr.pyTuple(outputPadding));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }
}
