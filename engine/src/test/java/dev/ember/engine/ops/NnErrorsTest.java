package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import org.junit.jupiter.api.Test;

/** Bad input to convolution, pooling, normalisation, dropout, embedding and padding: clear errors, never a wrong answer. */
class NnErrorsTest {
    private static final Tensor X = Tensor.zeros(2, 3, 5, 5);

    private static int[] i(int... v) {
        return v;
    }

    @Test
    void conv2dChecksRanksAndDtypes() {
        assertThatThrownBy(() -> Functional.conv2d(Tensor.zeros(3, 32, 32), Tensor.zeros(8, 3, 3, 3), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d expects input of rank 4 (N,C,H,W), got [3, 32, 32]");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(8, 3, 3), null))
                .hasMessage("conv2d expects weight of rank 4 (out_channels, in_channels/groups, kH, kW), got [8, 3, 3]");
        assertThatThrownBy(() -> Functional.conv2d(X.to(DType.FLOAT64), Tensor.zeros(8, 3, 3, 3), null))
                .hasMessage("conv2d: input type (float64) and weight type (float32) should be the same");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(8, 3, 3, 3), Tensor.zeros(DType.FLOAT64, 8)))
                .hasMessage("conv2d: input type (float32) and bias type (float64) should be the same");
        assertThatThrownBy(() -> Functional.conv2d(Tensor.zeros(DType.INT64, 2, 3, 5, 5),
                Tensor.zeros(DType.INT64, 8, 3, 3, 3), null))
                .hasMessage("conv2d expects a floating-point input, got int64 (convert with .to(DType.FLOAT32))");
    }

    @Test
    void conv2dNamesBothShapesOnAChannelMismatch() {
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(8, 4, 3, 3), null))
                .hasMessage("conv2d: given groups=1, weight of size [8, 4, 3, 3], expected input [2, 3, 5, 5] to have "
                        + "4 channels, but got 3 channels instead");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(4, 1, 3, 3), null, 1, 0, 1, 2))
                .hasMessage("conv2d: given groups=2, weight of size [4, 1, 3, 3], expected input [2, 3, 5, 5] to have "
                        + "2 channels, but got 3 channels instead");
        assertThatThrownBy(() -> Functional.conv2d(Tensor.zeros(2, 4, 5, 5), Tensor.zeros(3, 2, 3, 3), null, 1, 0, 1, 2))
                .hasMessage("conv2d: given groups=2, expected weight to be divisible by 2 at dimension 0, but got "
                        + "weight of size [3, 2, 3, 3] instead");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(3, 3, 3, 3), null, 1, 0, 1, 0))
                .hasMessage("conv2d: non-positive groups is not supported, got groups=0");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(3, 3, 3, 3), Tensor.zeros(4)))
                .hasMessage("conv2d: given weight of size [3, 3, 3, 3], expected bias to be 1-dimensional with 3 "
                        + "elements, but got bias of size [4] instead");
    }

    @Test
    void conv2dChecksStridePaddingDilationAndKernelSize() {
        Tensor w = Tensor.zeros(3, 3, 3, 3);
        assertThatThrownBy(() -> Functional.conv2d(X, w, null, i(0, 1), i(0), i(1), 1))
                .hasMessage("conv2d: non-positive stride is not supported, got stride=[0, 1]");
        assertThatThrownBy(() -> Functional.conv2d(X, w, null, i(1), i(1), i(1, 0), 1))
                .hasMessage("conv2d: non-positive dilation is not supported, got dilation=[1, 0]");
        assertThatThrownBy(() -> Functional.conv2d(X, w, null, i(1), i(-1, 0), i(1), 1))
                .hasMessage("conv2d: negative padding is not supported, got padding=[-1, -1, 0, 0]");
        assertThatThrownBy(() -> Functional.conv2d(X, w, null, i(1), i(1, 2, 3), i(1), 1))
                .hasMessage("conv2d: padding must have 1, 2 (pH, pW) or 4 (top, bottom, left, right) values, got [1, 2, 3]");
        assertThatThrownBy(() -> Functional.conv2d(X, w, null, i(1, 2, 3), i(0), i(1), 1))
                .hasMessage("conv2d: stride must have 1 or 2 values, got [1, 2, 3]");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(3, 3, 7, 3), null))
                .hasMessage("conv2d: calculated padded input size per channel: (5 x 5). Kernel size: (7 x 3). "
                        + "Kernel size can't be greater than actual input size");
        assertThatThrownBy(() -> Functional.conv2d(X, w, null, 1, 1, 4, 1))
                .hasMessage("conv2d: calculated padded input size per channel: (7 x 7). Kernel size: (9 x 9). "
                        + "Kernel size can't be greater than actual input size");
        assertThat(Functional.conv2d(X, Tensor.zeros(3, 3, 7, 3), null, i(1), i(1, 1, 0, 0), i(1), 1).shape())
                .as("asymmetric padding counts in the padded size").containsExactly(2, 3, 1, 3);
    }

    @Test
    void conv1dAndTransposedConvolutionCheckTheirOwnLayouts() {
        assertThatThrownBy(() -> Functional.conv1d(X, Tensor.zeros(2, 3, 3), null))
                .hasMessage("conv1d expects input of rank 3 (N,C,L), got [2, 3, 5, 5]");
        assertThatThrownBy(() -> Functional.conv1d(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 3, 5), null))
                .hasMessage("conv1d: calculated padded input size per channel: (4). Kernel size: (5). "
                        + "Kernel size can't be greater than actual input size");
        assertThatThrownBy(() -> Functional.conv1d(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 3, 2), null, 1,
                i(1, 2, 3), 1, 1))
                .hasMessage("conv1d: padding must have 1 or 2 values, got [1, 2, 3]");
        assertThatThrownBy(() -> Functional.convTranspose2d(X, Tensor.zeros(4, 3, 3, 3), null))
                .hasMessage("conv_transpose2d: given transposed=1, weight of size [4, 3, 3, 3], expected input "
                        + "[2, 3, 5, 5] to have 4 channels, but got 3 channels instead");
        assertThatThrownBy(() -> Functional.convTranspose2d(X, Tensor.zeros(3, 2, 3, 3), null, 2, 0, 2, 1, 1))
                .hasMessage("conv_transpose2d: output padding must be smaller than either stride or dilation, but got "
                        + "outputPadding=[2, 2], stride=[2, 2], dilation=[1, 1]");
        assertThatThrownBy(() -> Functional.convTranspose2d(X, Tensor.zeros(3, 2, 3, 3), Tensor.zeros(3)))
                .hasMessage("conv_transpose2d: given weight of size [3, 2, 3, 3], expected bias to be 1-dimensional "
                        + "with 2 elements, but got bias of size [3] instead");
        assertThatThrownBy(() -> Functional.convTranspose2d(Tensor.zeros(1, 3, 1, 1), Tensor.zeros(3, 2, 1, 1), null,
                1, 1, 0, 1, 1))
                .hasMessage("conv_transpose2d: given input of size [1, 3, 1, 1], the calculated output size "
                        + "[1, 2, -1, -1] is too small");
    }

    @Test
    void poolingChecksKernelStridePaddingAndOutputSize() {
        assertThatThrownBy(() -> Functional.maxPool2d(Tensor.zeros(3, 5, 5), 2))
                .hasMessage("max_pool2d expects input of rank 4 (N,C,H,W), got [3, 5, 5]");
        assertThatThrownBy(() -> Functional.maxPool2d(X, 3, 1, 2, 1, false))
                .hasMessage("max_pool2d: pad should be at most half of kernel size (and >= 0), but got padding=[2, 2] "
                        + "and kernel=[3, 3]");
        assertThatThrownBy(() -> Functional.maxPool2d(X, 2, 0))
                .hasMessage("max_pool2d: stride should be greater than zero, but got stride=[0, 0]");
        assertThatThrownBy(() -> Functional.maxPool2d(X, 0))
                .hasMessage("max_pool2d: kernel size should be greater than zero, but got kernel=[0, 0]");
        assertThatThrownBy(() -> Functional.maxPool2d(X, 2, 2, 0, 0, false))
                .hasMessage("max_pool2d: dilation should be greater than zero, but got dilation=[0, 0]");
        assertThatThrownBy(() -> Functional.maxPool2d(Tensor.zeros(1, 1, 2, 2), 3))
                .hasMessage("max_pool2d: given input size (1x2x2), calculated output size (1x0x0): output size is too "
                        + "small");
        assertThatThrownBy(() -> Functional.maxPool2d(Tensor.zeros(1, 1, 2, 2), 2, 1, 1, 3, false))
                .hasMessage("max_pool2d: with kernel=[2, 2], dilation=[3, 3] and padding=[1, 1], output position 0 of "
                        + "dimension 2 covers only padding (input size 2)");
        assertThatThrownBy(() -> Functional.avgPool2d(X, 3, 1, 2, false, true))
                .hasMessage("avg_pool2d: pad should be at most half of kernel size (and >= 0), but got padding=[2, 2] "
                        + "and kernel=[3, 3]");
        assertThatThrownBy(() -> Functional.avgPool2d(Tensor.zeros(DType.INT64, 1, 1, 4, 4), 2))
                .hasMessage("avg_pool2d expects a floating-point input, got int64 (convert with .to(DType.FLOAT32))");
        assertThatThrownBy(() -> Functional.adaptiveAvgPool2d(Tensor.zeros(2, 3), 1))
                .hasMessage("adaptive_avg_pool2d expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got [2, 3]");
        assertThatThrownBy(() -> Functional.adaptiveAvgPool2d(X, i(2, -1)))
                .hasMessage("adaptive_avg_pool2d: output size must be >= 0, got [2, -1]");
        assertThatThrownBy(() -> Functional.adaptiveAvgPool2d(Tensor.zeros(1, 2, 0, 3), 1))
                .hasMessage("adaptive_avg_pool2d: expected input to have non-zero size for its spatial dimensions, "
                        + "got [1, 2, 0, 3]");
    }

    @Test
    void dropoutProbabilityMustBeAProbability() {
        for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Functional.dropout(X, p))
                    .hasMessage("dropout: probability has to be between 0 and 1, but got " + p);
        }
        assertThatThrownBy(() -> Functional.dropout(Tensor.of(1, 2), 0.5))
                .hasMessage("dropout expects a floating-point input, got int64 (convert with .to(DType.FLOAT32))");
    }

    @Test
    void embeddingNamesTheBadIndexAndTheTableSize() {
        Tensor w = Tensor.zeros(5, 2);
        assertThatThrownBy(() -> Functional.embedding(Tensor.of(0, 5), w))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("embedding: index 5 is out of range for 5 embeddings (valid indices are 0..4)");
        assertThatThrownBy(() -> Functional.embedding(Tensor.fromArray(new int[] {-1}, 1), w))
                .hasMessage("embedding: index -1 is out of range for 5 embeddings (valid indices are 0..4)");
        assertThatThrownBy(() -> Functional.embedding(Tensor.of(0.0, 1.0), w))
                .hasMessage("embedding expects indices of an integer dtype (int64 or int32), got float32");
        assertThatThrownBy(() -> Functional.embedding(Tensor.of(0), Tensor.zeros(5)))
                .hasMessage("embedding expects weight of rank 2 (num_embeddings, embedding_dim), got [5]");
        assertThatThrownBy(() -> Functional.embedding(Tensor.of(0), w, 5L))
                .hasMessage("embedding: paddingIdx must be within num_embeddings (-5..4), got 5");
        assertThatThrownBy(() -> Functional.embedding(Tensor.of(0), w, -6L))
                .hasMessage("embedding: paddingIdx must be within num_embeddings (-5..4), got -6");
    }

    @Test
    void padChecksLengthAndCrops() {
        Tensor x = Tensor.zeros(3, 4);
        assertThatThrownBy(() -> Functional.pad(x, 1, 2, 3))
                .hasMessage("pad: padding length must be divisible by 2, got [1, 2, 3]");
        assertThatThrownBy(() -> Functional.pad(x, 1, 1, 1, 1, 1, 1))
                .hasMessage("pad: padding length too large: [1, 1, 1, 1, 1, 1] pads 3 dimensions of a tensor of shape "
                        + "[3, 4]");
        assertThatThrownBy(() -> Functional.pad(x, -3, -2))
                .hasMessage("pad: the input size 4, plus negative padding -3 and -2 resulted in a negative output "
                        + "size, which is invalid. Check dimension 1 of your input [3, 4]");
        assertThatThrownBy(() -> Functional.pad(x, -5, 2))
                .hasMessage("pad: padding -5 and 2 crops 5 elements from dimension 1 of size 4 (input [3, 4])");
    }

    @Test
    void normalisationChecksShapesAndModes() {
        assertThatThrownBy(() -> Functional.batchNorm(Tensor.zeros(1, 3), null, null, null, null, true))
                .hasMessage("batch_norm: expected more than 1 value per channel when training, got input size [1, 3]");
        assertThatThrownBy(() -> Functional.batchNorm(Tensor.zeros(2, 4), Tensor.zeros(3), Tensor.ones(3), null,
                null, true))
                .hasMessage("batch_norm: running_mean should be 1-D with 4 elements (one per channel), got shape [3]");
        assertThatThrownBy(() -> Functional.batchNorm(Tensor.zeros(2, 3), null, null, Tensor.ones(2, 3), null, true))
                .hasMessage("batch_norm: weight should be 1-D with 3 elements (one per channel), got shape [2, 3]");
        assertThatThrownBy(() -> Functional.batchNorm(Tensor.zeros(2, 3), null, null, null, null, false))
                .hasMessage("batch_norm: running_mean and running_var must be defined in evaluation mode "
                        + "(training=false)");
        assertThatThrownBy(() -> Functional.batchNorm(Tensor.zeros(3), null, null, null, null, true))
                .hasMessage("batch_norm expects input of rank >= 2 (N,C,...), got [3]");
        assertThatThrownBy(() -> Functional.layerNorm(X, new long[] {4}, null, null))
                .hasMessage("layer_norm: given normalized_shape=[4], expected input with shape [*, 4], but got input "
                        + "of size [2, 3, 5, 5]");
        assertThatThrownBy(() -> Functional.layerNorm(X, new long[] {5, 5}, Tensor.ones(5), null))
                .hasMessage("layer_norm: expected weight of shape [5, 5], got [5]");
    }

    @Test
    void oneHotNeedsInt64IndicesInRange() {
        assertThatThrownBy(() -> Functional.oneHot(Tensor.of(1f, 2f), 3))
                .hasMessage("one_hot is only applicable to index tensors (int64), got float32");
        assertThatThrownBy(() -> Functional.oneHot(Tensor.of(0L, 3L), 3))
                .hasMessage("one_hot: class values must be smaller than numClasses (3), got 3");
        assertThatThrownBy(() -> Functional.oneHot(Tensor.of(0L, -1L), 3))
                .hasMessage("one_hot: class values must be non-negative, got -1");
        assertThatThrownBy(() -> Functional.oneHot(Tensor.zeros(DType.INT64, 0), -1))
                .hasMessage("one_hot: cannot infer the number of classes from an empty tensor");
        assertThat(Functional.oneHot(Tensor.of(2L, 0L), -1).shape()).containsExactly(2, 3);
    }

    @Test
    void conv2dPaddingStringsAreSameOrValidAndSameIsStrideOne() {
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(8, 3, 3, 3), null, i(2), "same", i(1), 1))
                .hasMessage("conv2d: padding='same' is not supported for strided convolutions, got stride [2]");
        assertThatThrownBy(() -> Functional.conv2d(X, Tensor.zeros(8, 3, 3, 3), null, i(1), "full", i(1), 1))
                .hasMessage("conv2d: invalid padding string 'full', should be one of {'same', 'valid'}");
    }
}
