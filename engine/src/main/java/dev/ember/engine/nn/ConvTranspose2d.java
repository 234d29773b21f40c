package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * Transposed 2-D convolution (the gradient of a convolution with respect to its input, often
 * called deconvolution) over {@code (N, C, H, W)} or unbatched {@code (C, H, W)} input; mirrors
 * {@code torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')}. Weight
 * {@code (in, out/groups, kH, kW)}, bias {@code (out)}, initialised like PyTorch (fan_in from
 * weight dimension 1, see {@link ConvNd#resetParameters()}). Output size per spatial dimension:
 * {@code (in - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1}.
 */
public class ConvTranspose2d extends ConvNd {

    /** {@code nn.ConvTranspose2d(in, out, kernel_size)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults());
    }

    /** {@code nn.ConvTranspose2d(in, out, kernel_size, stride, padding)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults().stride(stride).padding(padding));
    }

    /** {@code nn.ConvTranspose2d(in, out, kernel_size, **options)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /** {@code nn.ConvTranspose2d(in, out, (kH, kW), **options)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, ConvOptions options) {
        super(2, true, inChannels, outChannels, kernelSize, options);
    }

    @Override
    public Tensor forward(Tensor input) {
        return run(input, outputPadding());
    }

    /**
     * The output of the requested spatial size {@code {H, W}} (or with the leading {@code N, C} /
     * {@code C}); mirrors {@code forward(input, output_size)}: the output padding is chosen to
     * reach it, and sizes outside what the stride allows are an error.
     */
    public Tensor forward(Tensor input, long[] outputSize) {
        Tensor x = batched(input);
        return run(input, outputPaddingFor(x, input.dim() == 3, outputSize));
    }

    private Tensor run(Tensor input, int[] outputPadding) {
        Tensor out = Functional.convTranspose2d(batched(input), weight(), bias(), stride(), padding(), outputPadding,
                groups(), dilation());
        return unbatched(input, out);
    }

    /** PyTorch's {@code _output_padding}: the output padding that gives {@code outputSize}. */
    private int[] outputPaddingFor(Tensor x, boolean unbatched, long[] outputSize) {
        long[] size = outputSize;
        int leading = unbatched ? 1 : 2;
        if (size != null && size.length == leading + 2) {
            size = Arrays.copyOfRange(size, leading, size.length);
        }
        if (size == null || size.length != 2) {
            throw new IllegalArgumentException(name() + ": for " + (unbatched ? 3 : 4) + "D input, output_size must "
                    + "have 2 or " + (leading + 2) + " elements, got " + Arrays.toString(outputSize));
        }
        int[] s = stride();
        int[] p = padding();
        int[] d = dilation();
        int[] k = kernelSize();
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            long min = (x.size(2 + i) - 1) * s[i] - 2L * p[i] + (long) d[i] * (k[i] - 1) + 1;
            long max = min + s[i] - 1;
            if (size[i] < min || size[i] > max) {
                throw new IllegalArgumentException(name() + ": requested an output size of " + Arrays.toString(size)
                        + ", but valid sizes range from " + min + " to " + max + " in dimension " + (2 + i)
                        + " (for an input of " + Shapes.str(x.shape()) + ")");
            }
            out[i] = (int) (size[i] - min);
        }
        return out;
    }
}
