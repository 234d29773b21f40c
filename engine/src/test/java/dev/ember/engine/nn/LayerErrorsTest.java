package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Bad layer arguments and inputs: each refused with a message that names the layer, the argument and the value. */
class LayerErrorsTest {
    private static ConvOptions opts() {
        return ConvOptions.defaults();
    }

    @Test
    void badConvolutionArguments() {
        assertThatThrownBy(() -> new Conv2d(0, 5, 3))
            .hasMessage("Conv2d: in_channels and out_channels must be > 0, got 0, 5");
        assertThatThrownBy(() -> new Conv1d(3, -2, 3))
            .hasMessage("Conv1d: in_channels and out_channels must be > 0, got 3, -2");
        assertThatThrownBy(() -> new Conv2d(3, 5, -1))
            .hasMessage("Conv2d: kernel_size must be > 0, got [-1]");
        assertThatThrownBy(() -> new Conv2d(3, 5, new int[] {3, 3, 3}, opts()))
            .hasMessage("Conv2d: kernel_size must have 1 or 2 values, got [3, 3, 3]");
        assertThatThrownBy(() -> new Conv2d(3, 5, 3, 0, 1))
            .hasMessage("Conv2d: stride must be > 0, got [0]");
        assertThatThrownBy(() -> new Conv2d(3, 5, 3, 1, -1))
            .hasMessage("Conv2d: padding must be >= 0, got [-1]");
        assertThatThrownBy(() -> new Conv1d(3, 5, 3, opts().dilation(0)))
            .hasMessage("Conv1d: dilation must be > 0, got [0]");
        assertThatThrownBy(() -> new Conv2d(3, 6, 3, opts().groups(2)))
            .hasMessage("Conv2d: in_channels must be divisible by groups, got in_channels=3, groups=2");
        assertThatThrownBy(() -> new Conv2d(4, 6, 3, opts().groups(4)))
            .hasMessage("Conv2d: out_channels must be divisible by groups, got out_channels=6, groups=4");
        assertThatThrownBy(() -> new Conv2d(4, 4, 3, opts().groups(0)))
            .hasMessage("Conv2d: groups must be a positive integer, got groups=0");
        assertThatThrownBy(() -> new Conv2d(3, 5, 3, opts().padding("full")))
            .hasMessage("Conv2d: invalid padding string 'full', should be one of {'same', 'valid'}");
        assertThatThrownBy(() -> new Conv2d(3, 5, 3, opts().padding("same").stride(2)))
            .hasMessage("Conv2d: padding='same' is not supported for strided convolutions, got stride=(2, 2)");
        assertThatThrownBy(() -> new Conv2d(3, 5, 3, opts().paddingMode("reflect")))
            .hasMessage("Conv2d: padding_mode='reflect' is not supported by this engine; only 'zeros' is "
                    + "(pad with Functional.pad first for other modes)");
        assertThatThrownBy(() -> new Conv1d(3, 5, 3, opts().paddingMode("mirror")))
            .hasMessage("Conv1d: padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, "
                    + "but got padding_mode='mirror'");
        assertThatThrownBy(() -> new Conv2d(3, 5, 3, opts().outputPadding(1)))
            .hasMessage("Conv2d: output_padding applies only to transposed convolutions, got output_padding=(1, 1)");
    }

    @Test
    void badTransposedConvolutionArguments() {
        assertThatThrownBy(() -> new ConvTranspose2d(3, 5, 3, opts().stride(2).outputPadding(2)))
            .hasMessage("ConvTranspose2d: output padding must be smaller than either stride or dilation, got "
                    + "output_padding=(2, 2), stride=(2, 2), dilation=(1, 1)");
        assertThatThrownBy(() -> new ConvTranspose2d(3, 5, 3, opts().padding("same")))
            .hasMessage("ConvTranspose2d: padding='same' is not supported for transposed convolutions "
                    + "(give padding sizes)");
        assertThatThrownBy(() -> new ConvTranspose2d(3, 5, 3, opts().paddingMode("circular")))
            .hasMessage("ConvTranspose2d: padding_mode='circular' is not supported by this engine; only 'zeros' is "
                    + "(PyTorch also allows only 'zeros' here)");
        assertThatThrownBy(() -> new ConvTranspose2d(4, 6, 3, opts().groups(4)))
            .hasMessage("ConvTranspose2d: out_channels must be divisible by groups, got out_channels=6, groups=4");
        ConvTranspose2d up = new ConvTranspose2d(3, 4, 3, 2, 1);
        Tensor x = Tensor.randn(1, 3, 5, 5);
        assertThatThrownBy(() -> up.forward(x, new long[] {12, 9}))
            .hasMessage("ConvTranspose2d: requested an output size of [12, 9], but valid sizes range from 9 to 10 "
                    + "in dimension 2 (for an input of [1, 3, 5, 5])");
        assertThatThrownBy(() -> up.forward(x, new long[] {9}))
            .hasMessage("ConvTranspose2d: for 4D input, output_size must have 2 or 4 elements, got [9]");
    }

    @Test
    void badConvolutionInputs() {
        Conv2d conv = new Conv2d(3, 5, 3);
        assertThatThrownBy(() -> conv.forward(Tensor.randn(32, 32)))
            .hasMessage("Conv2d expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got [32, 32]");
        assertThatThrownBy(() -> new Conv1d(3, 5, 3).forward(Tensor.randn(2, 3, 4, 5)))
            .hasMessage("Conv1d expects input of rank 2 (C,L) or 3 (N,C,L), got [2, 3, 4, 5]");
        assertThatThrownBy(() -> conv.forward(Tensor.randn(2, 4, 8, 8)))
            .hasMessageContaining("expected input [2, 4, 8, 8] to have 3 channels, but got 4 channels instead");
        assertThatThrownBy(() -> conv.forward(Tensor.randn(1, 3, 2, 2)))
            .hasMessageContaining("Kernel size can't be greater than actual input size");
        assertThatThrownBy(() -> new ConvTranspose2d(3, 5, 3).forward(Tensor.randn(3, 4)))
            .hasMessage("ConvTranspose2d expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got [3, 4]");
    }

    @Test
    void badPoolingArguments() {
        assertThatThrownBy(() -> new MaxPool2d(0))
            .hasMessage("MaxPool2d: kernel_size must be > 0, got 0");
        assertThatThrownBy(() -> new MaxPool2d(2, 0))
            .hasMessage("MaxPool2d: stride must be > 0, got 0");
        assertThatThrownBy(() -> new MaxPool2d(3, 2, 2))
            .hasMessage("MaxPool2d: pad should be at most half of kernel size, but got padding=2 and kernel_size=3");
        assertThatThrownBy(() -> new MaxPool2d(3, 2, 1, 0, false))
            .hasMessage("MaxPool2d: dilation must be > 0, got 0");
        assertThatThrownBy(() -> new MaxPool2d(new int[] {3, 3, 3}, null, new int[] {0}, new int[] {1}, false))
            .hasMessage("MaxPool2d: kernel_size must have 1 or 2 values, got [3, 3, 3]");
        assertThatThrownBy(() -> new AvgPool2d(new int[] {4, 2}, new int[] {1}, new int[] {1, 2}, false, true))
            .hasMessage("AvgPool2d: pad should be at most half of kernel size, but got padding=(1, 2) and "
                    + "kernel_size=(4, 2)");
        assertThatThrownBy(() -> new AvgPool2d(2, 2, -1))
            .hasMessage("AvgPool2d: padding must be >= 0, got -1");
        assertThatThrownBy(() -> new AdaptiveAvgPool2d(-1))
            .hasMessage("AdaptiveAvgPool2d: output_size must be >= 0, got -1");
        assertThatThrownBy(() -> new MaxPool2d(2).forward(Tensor.randn(4, 4)))
            .hasMessage("MaxPool2d expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got [4, 4]");
        assertThatThrownBy(() -> new AvgPool2d(2).forward(Tensor.randn(1, 2, 3, 4, 4)))
            .hasMessage("AvgPool2d expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got [1, 2, 3, 4, 4]");
        assertThatThrownBy(() -> new MaxPool2d(5).forward(Tensor.randn(1, 1, 4, 4)))
            .hasMessageContaining("output size is too small");
    }

    @Test
    void badNormalisationArgumentsAndInputs() {
        assertThatThrownBy(() -> new BatchNorm2d(0))
            .hasMessage("BatchNorm2d: num_features must be > 0, got 0");
        assertThatThrownBy(() -> new BatchNorm1d(3, -1, 0.1))
            .hasMessage("BatchNorm1d: eps must be >= 0, got -1.0");
        assertThatThrownBy(() -> new BatchNorm2d(3).forward(Tensor.randn(2, 3, 4)))
            .hasMessage("BatchNorm2d: expected 4D input (N,C,H,W), got 3D input of shape [2, 3, 4]");
        assertThatThrownBy(() -> new BatchNorm1d(3).forward(Tensor.randn(2, 3, 4, 4)))
            .hasMessage("BatchNorm1d: expected 2D or 3D input (N,C) or (N,C,L), got 4D input of shape [2, 3, 4, 4]");
        assertThatThrownBy(() -> new BatchNorm2d(3).forward(Tensor.randn(2, 4, 5, 5)))
            .hasMessage("BatchNorm2d: expected input with 3 channels (dimension 1), got input of shape [2, 4, 5, 5]");
        assertThatThrownBy(() -> new BatchNorm1d(3).forward(Tensor.randn(1, 3)))
            .hasMessageContaining("expected more than 1 value per channel when training");
        assertThatThrownBy(() -> new LayerNorm(new long[0]))
            .hasMessage("LayerNorm: normalized_shape must be one or more sizes > 0, got []");
        assertThatThrownBy(() -> new LayerNorm(new long[] {3, -1}))
            .hasMessage("LayerNorm: normalized_shape must be one or more sizes > 0, got [3, -1]");
        assertThatThrownBy(() -> new LayerNorm(5).forward(Tensor.randn(2, 4)))
            .hasMessageContaining("expected input with shape [*, 5], but got input of size [2, 4]");
    }

    @Test
    void badDropoutAndEmbedding() {
        assertThatThrownBy(() -> new Dropout(1.5))
            .hasMessage("Dropout: dropout probability has to be between 0 and 1, but got 1.5");
        assertThatThrownBy(() -> new Dropout(-0.1))
            .hasMessage("Dropout: dropout probability has to be between 0 and 1, but got -0.1");
        assertThatThrownBy(() -> new Dropout(Double.NaN))
            .hasMessage("Dropout: dropout probability has to be between 0 and 1, but got nan");
        assertThatThrownBy(() -> new Embedding(0, 3))
            .hasMessage("Embedding: num_embeddings and embedding_dim must be > 0, got 0, 3");
        assertThatThrownBy(() -> new Embedding(10, 3, 10))
            .hasMessage("Embedding: padding_idx must be within num_embeddings (-10..9), got 10");
        assertThatThrownBy(() -> new Embedding(10, 3, -11))
            .hasMessage("Embedding: padding_idx must be within num_embeddings (-10..9), got -11");
        Embedding e = new Embedding(10, 3);
        assertThatThrownBy(() -> e.forward(Tensor.of(1L, 10L)))
            .hasMessageContaining("index 10 is out of range for 10 embeddings");
        assertThatThrownBy(() -> e.forward(Tensor.of(1f, 2f)))
            .hasMessageContaining("indices");
        assertThatThrownBy(() -> Embedding.fromPretrained(Tensor.randn(3)))
            .hasMessage("Embedding.fromPretrained: embeddings must be 2-dimensional (num_embeddings, embedding_dim), "
                    + "got shape [3]");
    }
}
