package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import org.junit.jupiter.api.Test;

class InitTest {

    @Test
    void gainsMatchPyTorch() {
        RealTorch.assumeAvailable();
        String out = RealTorch.run("import torch.nn.init as i\n"
                + "print(' '.join(repr(i.calculate_gain(n)) for n in ['linear','sigmoid','tanh','relu','selu']),"
                + " repr(i.calculate_gain('leaky_relu', 0.2)))");
        String[] v = out.strip().split(" ");
        Init.Nonlinearity[] ns = {Init.Nonlinearity.LINEAR, Init.Nonlinearity.SIGMOID, Init.Nonlinearity.TANH,
            Init.Nonlinearity.RELU, Init.Nonlinearity.SELU};
        for (int k = 0; k < ns.length; k++) {
            assertThat(Init.calculateGain(ns[k])).isCloseTo(Double.parseDouble(v[k]), within(1e-12));
        }
        assertThat(Init.calculateGain(Init.Nonlinearity.LEAKY_RELU, 0.2)).isCloseTo(Double.parseDouble(v[5]), within(1e-12));
    }

    @Test
    void fansOfConvWeights() {
        assertThat(Init.fans(Tensor.zeros(16, 3, 5, 5))).containsExactly(75, 400);
        assertThatThrownBy(() -> Init.fans(Tensor.zeros(3))).hasMessageContaining("fewer than 2 dimensions");
    }

    @Test
    void boundsAndSpreads() {
        Ember.manualSeed(1);
        Tensor w = Init.kaimingUniform_(Tensor.zeros(256, 128), 0, Init.FanMode.FAN_IN, Init.Nonlinearity.RELU);
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / 128);
        assertThat(std(w)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
        Tensor x = Init.xavierNormal_(Tensor.zeros(200, 300), 1.0);
        assertThat(std(x)).isCloseTo(Math.sqrt(2.0 / 500), within(0.002));
        Tensor t = Init.truncNormal_(Tensor.zeros(1000), 0, 1, -0.5, 0.5);
        for (float v : t.toFloatArray()) {
            assertThat(v).isBetween(-0.5f, 0.5f);
        }
        assertThat(Init.constant_(Tensor.zeros(3), 2.5).toFloatArray()).containsOnly(2.5f);
        assertThatThrownBy(() -> Init.uniform_(Tensor.zeros(DType.INT64, 3), 0, 1)).hasMessageContaining("floating-point");
    }

    @Test
    void orthogonalRowsOrColumns() {
        Ember.manualSeed(2);
        for (long[] shape : new long[][] {{6, 4}, {4, 6}, {5, 5}}) {
            Tensor q = Init.orthogonal_(Tensor.zeros(DType.FLOAT64, shape), 1.0);
            boolean tall = shape[0] >= shape[1];
            Tensor gram = tall ? Tensor.fromArray(transposeTimes(q), shape[1], shape[1])
                    : Tensor.fromArray(timesTranspose(q), shape[0], shape[0]);
            assertThat(gram.allClose(Tensor.eye(gram.size(0)).to(DType.FLOAT64), 0, 1e-10)).as(java.util.Arrays.toString(shape)).isTrue();
        }
    }

    private static double[] transposeTimes(Tensor q) {
        int m = (int) q.size(0);
        int n = (int) q.size(1);
        double[] a = q.toDoubleArray();
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < m; k++) {
                    g[i * n + j] += a[k * n + i] * a[k * n + j];
                }
            }
        }
        return g;
    }

    private static double[] timesTranspose(Tensor q) {
        int m = (int) q.size(0);
        int n = (int) q.size(1);
        double[] a = q.toDoubleArray();
        double[] g = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < n; k++) {
                    g[i * m + j] += a[i * n + k] * a[j * n + k];
                }
            }
        }
        return g;
    }

    private static double std(Tensor t) {
        double[] v = t.toDoubleArray();
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
