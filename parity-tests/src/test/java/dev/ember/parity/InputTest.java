package dev.ember.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class InputTest {

    private static double[] values(Input in, long seed, String name) {
        return in.generate(seed, name).toEngine().toDoubleArray();
    }

    @Test
    void sameSeedAndNameGiveTheSameValuesOtherwiseDifferent() {
        Input in = Input.float32(3, 4).normal(0, 1);
        assertThat(values(in, 7, "x")).containsExactly(values(in, 7, "x"));
        assertThat(values(in, 7, "x")).isNotEqualTo(values(in, 8, "x"));
        assertThat(values(in, 7, "x")).isNotEqualTo(values(in, 7, "y"));
    }

    @Test
    void pinnedValuesGuardAgainstSilentChangesOfTheGenerator() {
        // If these change, the seeds printed in old reports no longer reproduce their inputs.
        assertThat(values(Input.float64(3).uniform(0, 1), 42, "x"))
                .containsExactly(0.879195688949837, 0.586684593225678, 0.3293442450002313);
        assertThat(values(Input.float64(2).normal(0, 1), 42, "x")).containsExactly(-1.7585153109682827, -0.8784285011765064);
        assertThat(Input.int64(4).ints(0, 100).generate(42, "i").toEngine().toLongArray()).containsExactly(17, 26, 33, 24);
    }

    @Test
    void distributionsStayInTheirRanges() {
        for (double v : values(Input.float64(1000).uniform(-2, 3), 1, "u")) {
            assertThat(v).isGreaterThanOrEqualTo(-2).isLessThan(3);
        }
        double[] n = values(Input.float64(20000).normal(5, 2), 1, "n");
        double mean = java.util.Arrays.stream(n).average().orElseThrow();
        double var = java.util.Arrays.stream(n).map(x -> (x - mean) * (x - mean)).sum() / n.length;
        assertThat(mean).isCloseTo(5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(Math.sqrt(var)).isCloseTo(2, org.assertj.core.data.Offset.offset(0.05));
        long[] ints = Input.int64(1000).ints(-3, 4).generate(1, "i").toEngine().toLongArray();
        assertThat(java.util.stream.LongStream.of(ints).allMatch(i -> i >= -3 && i < 4)).isTrue();
        assertThat(ints).contains(-3, 3);
        Tensor b = Input.bool(100).generate(1, "b").toEngine();
        assertThat(b.dtype()).isEqualTo(DType.BOOL);
        assertThat(b.toDoubleArray()).contains(0.0, 1.0);
    }

    @Test
    void float32ValuesAreRoundedOnceSoBothSidesSeeTheSameBits() {
        for (double v : values(Input.float32(100).normal(0, 1), 3, "x")) {
            assertThat((double) (float) v).isEqualTo(v);
        }
    }

    @Test
    void fixedValuesForEdgeCases() {
        Input in = Input.float32(2, 2).values(0, Double.NaN, Double.POSITIVE_INFINITY, -0.0);
        double[] v = values(in, 0, "e");
        assertThat(v[1]).isNaN();
        assertThat(v[2]).isInfinite();
        assertThatThrownBy(() -> Input.float32(3).values(1, 2)).hasMessageContaining("needs 3 values, got 2");
        assertThatThrownBy(() -> Input.int32(1).values(1.5)).hasMessageContaining("not a valid int32");
    }

    @Test
    void badDeclarationsAreRefused() {
        assertThatThrownBy(() -> Input.int32(2).normal(0, 1)).hasMessageContaining("float32/float64");
        assertThatThrownBy(() -> Input.float32(2).uniform(1, 1)).hasMessageContaining("low < high");
        assertThatThrownBy(() -> Input.bool(2).ints(0, 3)).hasMessageContaining("[0, 2)");
        assertThatThrownBy(() -> Input.float32(2, 3).layout(Layout.NHWC_NCHW)).hasMessageContaining("rank 2");
        assertThatThrownBy(() -> Layout.of("bad", 0, 0, 1)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> Parity.named("c").input("x", Input.float32(1)).input("x", Input.float32(1)))
                .hasMessageContaining("declared twice");
    }

    @Test
    void theEngineGetsTheSameValuesPermutedAtTheBoundary() {
        AtomicReference<float[]> tf = new AtomicReference<>();
        AtomicReference<Tensor> engine = new AtomicReference<>();
        Parity.named("boundary").seed(5)
                .input("x", Input.float32(2, 3, 4, 5).layout(Layout.NHWC_NCHW))
                .tf(in -> {
                    float[] v = new float[120];
                    ((TFloat32) in.get("x")).asRawTensor().data().asFloats().read(v);
                    tf.set(v);
                    assertThat(in.get("x").shape().asArray()).containsExactly(2, 3, 4, 5);
                    return Map.of();
                })
                .engine(EngineSide.of(in -> {
                    engine.set(in.get("x"));
                    return Map.of();
                }))
                .run();
        Tensor x = engine.get();
        assertThat(x.shape()).containsExactly(2, 5, 3, 4);
        assertThat(x.isContiguous()).isTrue();
        float[] e = x.toFloatArray();
        for (int n = 0; n < 2; n++) {
            for (int h = 0; h < 3; h++) {
                for (int w = 0; w < 4; w++) {
                    for (int c = 0; c < 5; c++) {
                        assertThat(e[((n * 5 + c) * 3 + h) * 4 + w]).isEqualTo(tf.get()[((n * 3 + h) * 4 + w) * 5 + c]);
                    }
                }
            }
        }
    }

    @Test
    void inputValuesAreDrawnOnceAndReusedByEveryRun() {
        AtomicReference<double[]> first = new AtomicReference<>();
        Parity p = Parity.named("twice").seed(1).input("x", Input.float64(4))
                .tf(in -> Map.of())
                .engine(EngineSide.of(in -> {
                    double[] v = in.get("x").toDoubleArray();
                    if (first.get() == null) {
                        first.set(v);
                    } else {
                        assertThat(v).containsExactly(first.get());
                    }
                    in.get("x").mul_(0.0);   // a side mutating its input does not leak into the next run
                    return Map.of();
                }))
                .build();
        p.run();
        p.run();
        assertThat(p.inputValues("x").toDoubleArray()).containsExactly(first.get());
    }
}
