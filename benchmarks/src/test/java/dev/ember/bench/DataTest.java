package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The layout transforms that make the TF suites compute exactly what the PyTorch-layout ones do. */
class DataTest {
    @Test
    void nhwcAndHwioPermuteAsIndexed() {
        float[] x = Data.uniform(1, 2 * 3 * 4 * 5, -1, 1);
        float[] y = Data.nchwToNhwc(x, 2, 3, 4, 5);
        assertThat(y[((1 * 4 + 2) * 5 + 3) * 3 + 1]).isEqualTo(x[((1 * 3 + 1) * 4 + 2) * 5 + 3]);
        float[] k = Data.uniform(2, 5 * 3 * 2 * 2, -1, 1);
        float[] h = Data.oihwToHwio(k, 5, 3, 2, 2);
        assertThat(h[((1 * 2 + 0) * 3 + 2) * 5 + 4]).isEqualTo(k[((4 * 3 + 2) * 2 + 1) * 2 + 0]);
    }

    @Test
    void flattenFixGivesTheSameLinearOutputOnAnNhwcFlatten() {
        int c = 3, h = 2, w = 4, out = 5, n = c * h * w;
        float[] act = Data.uniform(3, n, -1, 1);          // one sample, NCHW
        float[] weight = Data.uniform(4, out * n, -1, 1); // (out, C*H*W)
        float[] nhwc = Data.nchwToNhwc(act, 1, c, h, w);
        float[] fixed = Data.flattenFixToTf(weight, out, c, h, w); // (H*W*C, out)
        for (int o = 0; o < out; o++) {
            double torch = 0;
            double tf = 0;
            for (int i = 0; i < n; i++) {
                torch += weight[o * n + i] * act[i];
                tf += nhwc[i] * fixed[i * out + o];
            }
            assertThat(tf).isCloseTo(torch, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void drawsAreFixedBySeedAndBatchNormNamesFollowTorchvision() {
        assertThat(Data.mlp().w1()).containsExactly(Data.mlp().w1());
        assertThat(java.util.Arrays.stream(Data.labels(32, 64, 10)).allMatch(v -> v >= 0 && v < 10)).isTrue();
        assertThat(Data.RESNET_STEM.bn()).isEqualTo("bn1");
        assertThat(Data.RESNET_BLOCKS.get(2).conv2().bn()).isEqualTo("layer2.0.bn2");
        assertThat(Data.RESNET_BLOCKS.get(2).downsample().bn()).isEqualTo("layer2.0.downsample.1");
        assertThat(Data.transpose(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)).containsExactly(1, 4, 2, 5, 3, 6);
    }
}
