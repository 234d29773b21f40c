package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.GradMode;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import dev.ember.engine.autograd.GradCheck;
import dev.ember.engine.nn.Functional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * nn behaviour random op-spec rows cannot show: dropout statistics and seeding, running-statistic
 * updates, the embedding padding row, gradients of gradients, float32 gradients on the native
 * paths, and one full-size convolution.
 */
class NnBehaviourTest {

    private static Tensor leaf(double[] v, long... shape) {
        return Tensor.fromArray(v, shape).requiresGrad_(true);
    }

    private static Tensor randn(long seed, long... shape) {
        return Tensor.randn(new Generator(seed), shape).to(DType.FLOAT64);
    }

    // ---------------------------------------------------------------- conv2d padding='same'

    @Test
    void conv2dSamePaddingKeepsTheSizeWithTheOddPadAfterLikeTfSame() {
        Tensor x = randn(1, 2, 3, 6, 7);
        Tensor w = randn(2, 4, 3, 4, 3);   // even kernel height: total 3 = 1 before + 2 after
        Tensor b = randn(3, 4);
        Tensor same = Functional.conv2d(x, w, b, new int[] {1}, "same", new int[] {1}, 1);
        Tensor explicit = Functional.conv2d(x, w, b, new int[] {1}, new int[] {1, 2, 1, 1}, new int[] {1}, 1);
        assertThat(same.shape()).containsExactly(2, 4, 6, 7);
        assertThat(same.toDoubleArray()).containsExactly(explicit.toDoubleArray());
        Tensor dilated = Functional.conv2d(x, w, null, new int[] {1}, "same", new int[] {2}, 1);
        assertThat(dilated.shape()).containsExactly(2, 4, 6, 7);
        Tensor valid = Functional.conv2d(x, w, b, new int[] {1}, "valid", new int[] {1}, 1);
        assertThat(valid.toDoubleArray()).containsExactly(Functional.conv2d(x, w, b).toDoubleArray());
    }

    // ---------------------------------------------------------------- dropout

    @Test
    void dropoutZeroesAboutPAndScalesTheRestByOneOverOneMinusP() {
        Tensor y = Functional.dropout(Tensor.ones(200, 500), 0.3, true, new Generator(42));
        float[] v = y.toFloatArray();
        long kept = 0;
        for (float f : v) {
            assertThat(f == 0f || f == (float) (1 / 0.7)).as("value %s is 0 or 1/(1-p)", f).isTrue();
            kept += f == 0f ? 0 : 1;
        }
        // 100000 Bernoulli(0.7) draws: the standard deviation of the kept fraction is 0.00145.
        assertThat(kept / 100000.0).isCloseTo(0.7, within(0.01));
        assertThat(y.mean().item()).isCloseTo(1.0, within(0.02));
    }

    @Test
    void dropoutMasksRepeatForASeedAndDifferAcrossSeeds() {
        Tensor x = Tensor.ones(64, 64);
        Tensor a = Functional.dropout(x, 0.5, true, new Generator(7));
        Tensor b = Functional.dropout(x, 0.5, true, new Generator(7));
        Tensor c = Functional.dropout(x, 0.5, true, new Generator(8));
        assertThat(a.equal(b)).isTrue();
        assertThat(a.equal(c)).isFalse();
        Ember.manualSeed(11);
        Tensor d = Functional.dropout(x, 0.5);
        Ember.manualSeed(11);
        assertThat(Functional.dropout(x, 0.5, true).equal(d)).as("the default generator follows manualSeed").isTrue();
    }

    @Test
    void dropoutIsTheIdentityInEvalModeAndForPZero() {
        Tensor x = Tensor.randn(3, 4).requiresGrad_(true);
        assertThat(Functional.dropout(x, 0.5, false)).isSameAs(x);
        assertThat(Functional.dropout(x, 0.0, true)).isSameAs(x);
    }

    @Test
    void dropoutGradientIsTheScaledMask() {
        Tensor x = Tensor.ones(DType.FLOAT64, 1000).requiresGrad_(true);
        Tensor y = Functional.dropout(x, 0.25, true, new Generator(3));
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(y.detach().toDoubleArray());
        Tensor z = Functional.dropout(x, 1.0, true, new Generator(3));
        assertThat(z.toDoubleArray()).containsOnly(0.0);
    }

    // ---------------------------------------------------------------- batch norm running statistics

    @Test
    void batchNormTrainingUpdatesRunningStatisticsInPlaceWithTheUnbiasedVariance() {
        // Channel 0: 1, 2, 3, 4 (mean 2.5, biased var 1.25, unbiased 5/3); channel 1: 0, 0, 2, 2 (1, 1, 4/3).
        Tensor x = leaf(new double[] {1, 0, 2, 0, 3, 2, 4, 2}, 4, 2);
        Tensor rm = Tensor.fromArray(new double[] {0, 1}, 2);
        Tensor rv = Tensor.fromArray(new double[] {1, 1}, 2);
        long versionBefore = rm.version();
        Tensor y = Functional.batchNorm(x, rm, rv, null, null, true, 0.1, 1e-5);
        assertThat(rm.toDoubleArray()).containsExactly(new double[] {0.25, 1.0}, within(1e-15));
        assertThat(rv.toDoubleArray()).containsExactly(new double[] {0.9 + 0.1 * 5 / 3, 0.9 + 0.1 * 4 / 3},
                within(1e-15));
        assertThat(rm.version()).isGreaterThan(versionBefore);
        assertThat(rm.requiresGrad()).isFalse();
        assertThat(rm.gradFn()).isNull();
        double s0 = Math.sqrt(1.25 + 1e-5);
        double s1 = Math.sqrt(1 + 1e-5);
        assertThat(y.toDoubleArray()).containsExactly(new double[] {-1.5 / s0, -1 / s1, -0.5 / s0, -1 / s1,
            0.5 / s0, 1 / s1, 1.5 / s0, 1 / s1}, within(1e-12));
        Tensor e = Functional.batchNorm(x, rm, rv, null, null, false, 0.1, 1e-5);
        assertThat(e.toDoubleArray()[0]).isCloseTo((1 - 0.25) / Math.sqrt(0.9 + 0.5 / 3 + 1e-5), within(1e-12));
        assertThat(rm.toDoubleArray()).as("eval leaves the running stats alone").containsExactly(0.25, 1.0);
    }

    @Test
    void batchNormCountsSpatialPositionsPerChannel() {
        // (N=2, C=2, H=1, W=2): channel 0 sees 1, 3, 5, 7 (mean 4, unbiased var 20/3); channel 1 sees 2, 2, 2, 6.
        Tensor x = Tensor.fromArray(new double[] {1, 3, 2, 2, 5, 7, 2, 6}, 2, 2, 1, 2);
        Tensor rm = Tensor.zeros(DType.FLOAT64, 2);
        Tensor rv = Tensor.ones(DType.FLOAT64, 2);
        Functional.batchNorm(x, rm, rv, null, null, true, 0.5, 1e-5);
        assertThat(rm.toDoubleArray()).containsExactly(new double[] {2, 1.5}, within(1e-15));
        assertThat(rv.toDoubleArray()).containsExactly(new double[] {0.5 + 0.5 * 20 / 3, 0.5 + 0.5 * 4},
                within(1e-14));
    }

    // ---------------------------------------------------------------- embedding

    @Test
    void embeddingAccumulatesRepeatedRowsAndSkipsThePaddingRow() {
        Tensor w = leaf(new double[] {0, 1, 10, 11, 20, 21, 30, 31}, 4, 2);
        Tensor idx = Tensor.fromArray(new int[] {0, 2, 2, 1, 1, 1}, 2, 3);
        Tensor y = Functional.embedding(idx, w, 2L);
        assertThat(y.shape()).containsExactly(2, 3, 2);
        assertThat(y.toDoubleArray()).as("the padding row is still looked up")
                .containsExactly(0, 1, 20, 21, 20, 21, 10, 11, 10, 11, 10, 11);
        y.sum().backward();
        assertThat(w.grad().toDoubleArray()).containsExactly(1, 1, 3, 3, 0, 0, 0, 0);
        assertThat(y.gradFn().name()).isEqualTo("EmbeddingBackward0");
        w.setGrad(null);
        Functional.embedding(idx, w, -2L).sum().backward();   // -2 is row 2, as in PyTorch
        assertThat(w.grad().toDoubleArray()).containsExactly(1, 1, 3, 3, 0, 0, 0, 0);
    }

    // ---------------------------------------------------------------- gradients of gradients

    /**
     * {@code sum_i <d(sum(fn(in) * in[last]))/d in_i, r_i>} over the inputs before the last: a
     * scalar whose gradient exercises every op's backward-of-backward, with respect to both the
     * op's inputs and the incoming gradient ({@code in[last]}).
     */
    private static Function<Tensor[], Tensor> gradDot(Function<Tensor[], Tensor> fn, long seed) {
        return in -> {
            boolean previous = GradMode.setEnabled(true);
            try {
                for (Tensor t : in) {
                    if (!t.requiresGrad()) {
                        t.requiresGrad_(true);
                    }
                }
                int n = in.length - 1;
                Tensor[] ops = java.util.Arrays.copyOf(in, n);
                Tensor out = fn.apply(ops);
                Tensor[] g = Autograd.grad(new Tensor[] {out.mul(in[n]).sum()}, ops, null, true, true, true);
                Tensor s = Tensor.scalar(0.0, DType.FLOAT64);
                for (int i = 0; i < n; i++) {
                    if (g[i] != null) {
                        s = s.add(g[i].mul(randn(seed + i, g[i].shape())).sum());
                    }
                }
                return s;
            } finally {
                GradMode.setEnabled(previous);
            }
        };
    }

    /** Gradcheck of {@link #gradDot} at random inputs of {@code shapes} plus an output-shaped gradient. */
    private static void gradGradCheck(Function<Tensor[], Tensor> fn, long[]... shapes) {
        Tensor[] in = new Tensor[shapes.length + 1];
        for (int i = 0; i < shapes.length; i++) {
            in[i] = randn(100 + i, shapes[i]).requiresGrad_(true);
        }
        Tensor[] ops = java.util.Arrays.copyOf(in, shapes.length);
        in[shapes.length] = randn(99, fn.apply(ops).shape()).requiresGrad_(true);
        GradCheck.check(gradDot(fn, 7), in);
    }

    @Test
    void conv2dGradientsAreDifferentiable() {
        // Both gradients at once (one conv2d_bp), then each alone (transposed conv / weight gradient).
        gradGradCheck(in -> Functional.conv2d(in[0], in[1], in[2], 2, 1, 1, 2), new long[] {1, 4, 4, 4},
                new long[] {2, 2, 2, 2}, new long[] {2});
        Tensor w = randn(5, 3, 2, 2, 2);
        gradGradCheck(in -> Functional.conv2d(in[0], w, null, 1, 1, 2, 1), new long[] {1, 2, 4, 4});
        Tensor x = randn(6, 1, 2, 5, 4);
        gradGradCheck(in -> Functional.conv2d(x, in[0], null, 2, 0, 1, 1), new long[] {2, 2, 2, 2});
    }

    @Test
    void transposedAndDepthwiseConvolutionGradientsAreDifferentiable() {
        gradGradCheck(in -> Functional.convTranspose2d(in[0], in[1], in[2], 2, 1, 1, 1, 1), new long[] {1, 2, 3, 3},
                new long[] {2, 1, 2, 2}, new long[] {1});
        gradGradCheck(in -> Functional.conv2d(in[0], in[1], null, 1, 1, 2, 2), new long[] {1, 2, 4, 4},
                new long[] {2, 1, 2, 2});
    }

    @Test
    void poolingPaddingAndEmbeddingGradientsAreDifferentiable() {
        gradGradCheck(in -> Functional.maxPool2d(in[0], 3, 2, 1, 1, true), new long[] {1, 2, 5, 6});
        gradGradCheck(in -> Functional.avgPool2d(in[0], 3, 2, 1, true, false), new long[] {1, 2, 5, 6});
        gradGradCheck(in -> Functional.pad(in[0], 1, -1, 2, 0), new long[] {2, 3, 4});
        Tensor idx = Tensor.of(0, 2, 2, 3, 1);
        gradGradCheck(in -> Functional.embedding(idx, in[0], 1L), new long[] {4, 3});
        gradGradCheck(in -> Functional.batchNorm(in[0], null, null, in[1], null, true), new long[] {4, 2, 3},
                new long[] {2});
    }

    // ---------------------------------------------------------------- float32 on the native paths

    private static void float32GradientsMatchFloat64(Function<Tensor[], Tensor> fn, long[]... shapes) {
        Tensor[] d = new Tensor[shapes.length];
        Tensor[] f = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            d[i] = randn(200 + i, shapes[i]).requiresGrad_(true);
            f[i] = d[i].detach().to(DType.FLOAT32).requiresGrad_(true);
        }
        Tensor yd = fn.apply(d);
        Tensor yf = fn.apply(f);
        Tensor v = randn(300, yd.shape());
        yd.mul(v).sum().backward();
        yf.mul(v.to(DType.FLOAT32)).sum().backward();
        assertThat(yf.dtype()).isEqualTo(DType.FLOAT32);
        assertClose(yf, yd, "output");
        for (int i = 0; i < shapes.length; i++) {
            assertThat(f[i].grad().dtype()).isEqualTo(DType.FLOAT32);
            assertClose(f[i].grad(), d[i].grad(), "gradient of input " + i);
        }
    }

    private static void assertClose(Tensor f32, Tensor f64, String what) {
        double[] a = f32.to(DType.FLOAT64).toDoubleArray();
        double[] b = f64.toDoubleArray();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i]) <= 1e-4 + 1e-4 * Math.abs(b[i]))
                    .as("%s[%d]: float32 %s vs float64 %s", what, i, a[i], b[i]).isTrue();
        }
    }

    @Test
    void float32ConvolutionsMatchFloat64IncludingDilation() {
        // oneDNN rejects dilated float32 conv2d/conv2d_bp; the kernel spreads the weights instead.
        float32GradientsMatchFloat64(in -> Functional.conv2d(in[0], in[1], in[2], 1, 2, 2, 1),
                new long[] {2, 3, 7, 7}, new long[] {4, 3, 3, 3}, new long[] {4});
        float32GradientsMatchFloat64(in -> Functional.conv2d(in[0], in[1], null, 2, 1, 3, 2),
                new long[] {2, 4, 9, 8}, new long[] {4, 2, 2, 3});
        float32GradientsMatchFloat64(in -> Functional.conv2d(in[0], in[1], in[2], 1, 2, 2, 3),
                new long[] {2, 3, 6, 6}, new long[] {6, 1, 3, 3}, new long[] {6});
        float32GradientsMatchFloat64(in -> Functional.convTranspose2d(in[0], in[1], in[2], 2, 1, 1, 1, 2),
                new long[] {2, 3, 4, 4}, new long[] {3, 2, 3, 3}, new long[] {2});
    }

    @Test
    void float32PoolingMatchesFloat64() {
        float32GradientsMatchFloat64(in -> Functional.maxPool2d(in[0], new int[] {3, 2}, new int[] {2},
                new int[] {1}, new int[] {2, 1}, true), new long[] {2, 3, 9, 8});
        float32GradientsMatchFloat64(in -> Functional.avgPool2d(in[0], 3, 2, 1, true, false), new long[] {2, 3, 8, 7});
        float32GradientsMatchFloat64(in -> Functional.avgPool2d(in[0], 3, 2, 1, true, true), new long[] {2, 3, 8, 7});
    }

    // ---------------------------------------------------------------- a full-size convolution

    @Test
    void fullSizeConvolutionRunsForwardAndBackward() {
        Generator gen = new Generator(1);
        Tensor x = Tensor.randn(gen, 32, 64, 56, 56).requiresGrad_(true);
        Tensor w = Tensor.randn(gen, 64, 64, 3, 3).mul(0.05).detach().requiresGrad_(true);
        Tensor y = Functional.conv2d(x, w, null, 1, 1, 1, 1);
        assertThat(y.shape()).containsExactly(32, 64, 56, 56);
        float[] xs = x.detach().toFloatArray();
        float[] ws = w.detach().toFloatArray();
        float[] ys = y.detach().toFloatArray();
        int[][] at = {{0, 0, 0, 0}, {5, 17, 30, 41}, {31, 63, 55, 55}, {12, 3, 0, 27}};
        for (int[] p : at) {
            double expected = 0;
            for (int c = 0; c < 64; c++) {
                for (int u = 0; u < 3; u++) {
                    for (int v = 0; v < 3; v++) {
                        int ih = p[2] + u - 1;
                        int iw = p[3] + v - 1;
                        if (ih >= 0 && ih < 56 && iw >= 0 && iw < 56) {
                            expected += xs[((p[0] * 64 + c) * 56 + ih) * 56 + iw] * ws[((p[1] * 64 + c) * 3 + u) * 3 + v];
                        }
                    }
                }
            }
            assertThat((double) ys[((p[0] * 64 + p[1]) * 56 + p[2]) * 56 + p[3]]).isCloseTo(expected, within(1e-3));
        }
        y.sum().backward();
        // d(sum y)/dx at an interior pixel: every weight tap of every filter, for its input channel.
        double expectedGx = 0;
        for (int o = 0; o < 64; o++) {
            for (int k = 0; k < 9; k++) {
                expectedGx += ws[(o * 64 + 7) * 9 + k];
            }
        }
        assertThat(x.grad().toFloatArray()[((3 * 64 + 7) * 56 + 20) * 56 + 20])
                .isCloseTo((float) expectedGx, within(1e-3f));
        assertThat(w.grad().shape()).containsExactly(64, 64, 3, 3);
    }
}
