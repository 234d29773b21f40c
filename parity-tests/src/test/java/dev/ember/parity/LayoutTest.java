package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The layouts that are no axis permutation (flatten order, GRU gate order), against expectations
 * written as plain index loops: each engine element must come from the TF element the formula names.
 */
class LayoutTest {

    private static ParityResult compare(Layout layout, float[] tf, long[] tfShape, float[] engine, long... engineShape) {
        return Parity.named("layout").layout("y", layout)
                .tf(in -> Map.of("y", TFloat32.tensorOf(Shape.of(tfShape), DataBuffers.of(tf, true, false))))
                .engine(EngineSide.of(in -> Map.of("y", Tensor.fromArray(engine, engineShape))))
                .run();
    }

    private static float[] iota(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void flattenedNhwcMatchesAnNchwFlattenOfTheSameMap() {
        int n = 2;
        int h = 2;
        int w = 3;
        int c = 4;
        float[] tf = iota(n * h * w * c);   // Keras Flatten of NHWC: index (y*W + x)*C + ch
        float[] engine = new float[tf.length];
        for (int s = 0; s < n; s++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        engine[s * h * w * c + (ch * h + y) * w + x] = tf[s * h * w * c + (y * w + x) * c + ch];
                    }
                }
            }
        }
        Layout l = Layout.flattenedNhwc(h, w, c);
        assertThatParity(compare(l, tf, new long[] {n, 24}, engine, n, 24)).passes();
        // the same values in TF's order are caught: the flatten order is the whole point
        assertThatParity(compare(l, tf, new long[] {n, 24}, tf, n, 24)).fails();
        // one perturbed element is located in both orders: engine [1, c=3,y=1,x=2] = TF [1, (1*3+2)*4+3]
        engine[24 + (3 * 2 + 1) * 3 + 2] += 1;
        assertThatParity(compare(l, tf, new long[] {n, 24}, engine, n, 24)).tensor("y").hasMismatchCount(1)
                .hasWorstEngineIndex(1, (3 * 2 + 1) * 3 + 2).hasWorstTfIndex(1, (1 * 3 + 2) * 4 + 3);
    }

    @Test
    void flattenedDenseKernelIsTransposedWithItsInputsInNchwOrder() {
        int h = 2;
        int w = 2;
        int c = 3;
        int out = 5;
        float[] tf = iota(h * w * c * out);   // [H*W*C, out]
        float[] engine = new float[tf.length];   // [out, C*H*W]
        for (int o = 0; o < out; o++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        engine[o * 12 + (ch * h + y) * w + x] = tf[((y * w + x) * c + ch) * out + o];
                    }
                }
            }
        }
        Layout l = Layout.flattenedDenseKernel(h, w, c);
        ParityResult r = compare(l, tf, new long[] {12, out}, engine, out, 12);
        assertThatParity(r).passes();
        assertThat(r.tensor("y").orElseThrow().describe()).contains("flattened Dense kernel 2x2x3");
        // a plain transpose (what IO_OI would expect) is a different tensor
        float[] transposed = new float[tf.length];
        for (int i = 0; i < 12; i++) {
            for (int o = 0; o < out; o++) {
                transposed[o * 12 + i] = tf[i * out + o];
            }
        }
        assertThatParity(compare(l, tf, new long[] {12, out}, transposed, out, 12)).fails();
        assertThatParity(compare(Layout.IO_OI, tf, new long[] {12, out}, transposed, out, 12)).passes();
    }

    @Test
    void gruKernelSwapsTheFirstTwoGatesAndTransposes() {
        int in = 2;
        int u = 3;
        float[] tf = iota(in * 3 * u);   // [in, 3U], gates z, r, h
        float[] engine = new float[tf.length];   // [3U, in], gates r, z, n
        int[] tfGateOfEngineGate = {1, 0, 2};
        for (int g = 0; g < 3; g++) {
            for (int j = 0; j < u; j++) {
                for (int i = 0; i < in; i++) {
                    engine[(g * u + j) * in + i] = tf[i * 3 * u + tfGateOfEngineGate[g] * u + j];
                }
            }
        }
        assertThatParity(compare(Layout.gruKernel(), tf, new long[] {in, 3 * u}, engine, 3 * u, in)).passes();
        assertThatParity(compare(Layout.IO_OI, tf, new long[] {in, 3 * u}, engine, 3 * u, in)).fails();
    }

    @Test
    void gruBiasRowsAreComparedWithTheirOwnEngineBias() {
        int u = 2;
        float[] tf = iota(2 * 3 * u);   // [2, 3U]: row 0 input bias, row 1 recurrent bias
        float[][] engine = new float[2][3 * u];
        int[] tfGateOfEngineGate = {1, 0, 2};
        for (int row = 0; row < 2; row++) {
            for (int g = 0; g < 3; g++) {
                for (int j = 0; j < u; j++) {
                    engine[row][g * u + j] = tf[row * 3 * u + tfGateOfEngineGate[g] * u + j];
                }
            }
        }
        assertThatParity(compare(Layout.gruBias(0), tf, new long[] {2, 3 * u}, engine[0], 3 * u)).passes();
        assertThatParity(compare(Layout.gruBias(1), tf, new long[] {2, 3 * u}, engine[1], 3 * u)).passes();
        assertThatParity(compare(Layout.gruBias(0), tf, new long[] {2, 3 * u}, engine[1], 3 * u)).fails();
    }

    @Test
    void aShapeTheLayoutDoesNotFitIsAShapeMismatch() {
        ParityResult r = compare(Layout.flattenedNhwc(2, 2, 2), iota(10), new long[] {2, 5}, iota(10), 2, 5);
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.SHAPE);
        assertThat(r.tensor("y").orElseThrow().describe()).contains("flatten NHWC<->NCHW 2x2x2");
        assertThatThrownBy(() -> Input.float32(3, 4).layout(Layout.flattenedNhwc(2, 2, 2)))
                .hasMessageContaining("cannot apply to shape [3, 4]");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> Layout.flattenedNhwc(0, 2, 2)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Layout.gruBias(2)).hasMessageContaining("row must be 0");
        assertThat(Layout.gruKernel().isIdentity()).isFalse();
        assertThat(Layout.gruKernel().tfToEngine()).isNull();
        assertThat(Layout.flattenedNhwc(2, 3, 4)).isEqualTo(Layout.flattenedNhwc(2, 3, 4))
                .isNotEqualTo(Layout.flattenedNhwc(3, 2, 4));
    }
}
