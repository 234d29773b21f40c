package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * 1-D convolution over {@code (N, C, L)} or unbatched {@code (C, L)} input; mirrors
 * {@code torch.nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros')}. Weight {@code (out, in/groups, k)}, bias
 * {@code (out)}, both initialised like PyTorch (see {@link ConvNd#resetParameters()}). The keyword
 * arguments come as {@link ConvOptions}.
 */
public class Conv1d extends ConvNd {

    /** {@code nn.Conv1d(in, out, kernel_size)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults());
    }

    /** {@code nn.Conv1d(in, out, kernel_size, stride, padding)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, ConvOptions.defaults().stride(stride).padding(padding));
    }

    /** {@code nn.Conv1d(in, out, kernel_size, **options)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        super(1, false, inChannels, outChannels, new int[] {kernelSize}, options);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor out = Functional.conv1d(batched(input), weight(), bias(), stride()[0], padsBeforeAfter(),
                dilation()[0], groups());
        return unbatched(input, out);
    }
}
