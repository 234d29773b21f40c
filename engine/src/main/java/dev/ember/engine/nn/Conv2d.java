package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * 2-D convolution over {@code (N, C, H, W)} or unbatched {@code (C, H, W)} input; mirrors
 * {@code torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros')}. Weight {@code (out, in/groups, kH, kW)}, bias
 * {@code (out)}, both initialised like PyTorch (see {@link ConvNd#resetParameters()}). The keyword
 * arguments come as {@link ConvOptions}, e.g. {@code new Conv2d(3, 16, 3, ConvOptions.defaults().padding("same"))}.
 */
public class Conv2d extends ConvNd {

    /** {@code nn.Conv2d(in, out, kernel_size)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults());
    }

    /** {@code nn.Conv2d(in, out, kernel_size, stride, padding)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults().stride(stride).padding(padding));
    }

    /** {@code nn.Conv2d(in, out, kernel_size, **options)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /** {@code nn.Conv2d(in, out, (kH, kW), **options)}. */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, ConvOptions options) {
        super(2, false, inChannels, outChannels, kernelSize, options);
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] p = padsBeforeAfter();
        Tensor out = Functional.conv2d(batched(input), weight(), bias(), stride(), new int[] {p[0], p[1], p[2], p[3]},
                dilation(), groups());
        return unbatched(input, out);
    }
}
