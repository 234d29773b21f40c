package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every layout transform against a naive index-loop reference written from the TF/PyTorch definitions. */
class LayoutsTest {

    private final Random random = new Random(7);

    /** float64 values that are all distinct, so a misplaced element cannot go unnoticed. */
    private Tensor distinct(long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + random.nextDouble() / 2;
        }
        return Tensor.fromArray(v, shape);
    }

    private static void assertExact(Tensor actual, double[] expected, long... shape) {
        assertThat(actual.shape()).containsExactly(shape);
        assertThat(actual.toDoubleArray()).containsExactly(expected);
        assertThat(actual.isContiguous()).isTrue();
    }

    @Test
    void nhwcToNchwAndBack() {
        int n = 2, h = 3, w = 4, c = 5;
        Tensor x = distinct(n, h, w, c);
        double[] v = x.toDoubleArray();
        double[] ref = new double[v.length];
        for (int in = 0; in < n; in++) {
            for (int ic = 0; ic < c; ic++) {
                for (int ih = 0; ih < h; ih++) {
                    for (int iw = 0; iw < w; iw++) {
                        ref[((in * c + ic) * h + ih) * w + iw] = v[((in * h + ih) * w + iw) * c + ic];
                    }
                }
            }
        }
        Tensor nchw = Layouts.nhwcToNchw(x);
        assertExact(nchw, ref, n, c, h, w);
        assertExact(Layouts.nchwToNhwc(nchw), v, n, h, w, c);
    }

    @Test
    void nwcToNcwAndBack() {
        int n = 2, w = 5, c = 3;
        Tensor x = distinct(n, w, c);
        double[] v = x.toDoubleArray();
        double[] ref = new double[v.length];
        for (int in = 0; in < n; in++) {
            for (int ic = 0; ic < c; ic++) {
                for (int iw = 0; iw < w; iw++) {
                    ref[(in * c + ic) * w + iw] = v[(in * w + iw) * c + ic];
                }
            }
        }
        assertExact(Layouts.nwcToNcw(x), ref, n, c, w);
        assertExact(Layouts.ncwToNwc(Layouts.nwcToNcw(x)), v, n, w, c);
    }

    @Test
    void hwioToOihwAndBack() {
        int kh = 3, kw = 2, ci = 4, co = 5;
        Tensor k = distinct(kh, kw, ci, co);
        double[] v = k.toDoubleArray();
        double[] ref = new double[v.length];
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < ci; i++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        ref[((o * ci + i) * kh + y) * kw + x] = v[((y * kw + x) * ci + i) * co + o];
                    }
                }
            }
        }
        Tensor oihw = Layouts.hwioToOihw(k);
        assertExact(oihw, ref, co, ci, kh, kw);
        assertExact(Layouts.oihwToHwio(oihw), v, kh, kw, ci, co);
    }

    @Test
    void conv1dKernel() {
        int kw = 3, ci = 2, co = 4;
        Tensor k = distinct(kw, ci, co);
        double[] v = k.toDoubleArray();
        double[] ref = new double[v.length];
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < ci; i++) {
                for (int x = 0; x < kw; x++) {
                    ref[(o * ci + i) * kw + x] = v[(x * ci + i) * co + o];
                }
            }
        }
        assertExact(Layouts.wioToOiw(k), ref, co, ci, kw);
        assertExact(Layouts.oiwToWio(Layouts.wioToOiw(k)), v, kw, ci, co);
    }

    @Test
    void conv3dKernel() {
        int kd = 2, kh = 3, kw = 2, ci = 3, co = 2;
        Tensor k = distinct(kd, kh, kw, ci, co);
        double[] v = k.toDoubleArray();
        double[] ref = new double[v.length];
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < ci; i++) {
                for (int z = 0; z < kd; z++) {
                    for (int y = 0; y < kh; y++) {
                        for (int x = 0; x < kw; x++) {
                            ref[(((o * ci + i) * kd + z) * kh + y) * kw + x] = v[(((z * kh + y) * kw + x) * ci + i) * co + o];
                        }
                    }
                }
            }
        }
        assertExact(Layouts.dhwioToOidhw(k), ref, co, ci, kd, kh, kw);
        assertExact(Layouts.oidhwToDhwio(Layouts.dhwioToOidhw(k)), v, kd, kh, kw, ci, co);
    }

    @Test
    void depthwiseKernelGivesOutputChannelCTimesMPlusM() {
        int kh = 3, kw = 2, c = 4, m = 3;
        Tensor k = distinct(kh, kw, c, m);
        double[] v = k.toDoubleArray();
        double[] ref = new double[v.length];
        for (int ic = 0; ic < c; ic++) {
            for (int im = 0; im < m; im++) {
                int out = ic * m + im;  // TF: output channel c*M + m
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        ref[(out * kh + y) * kw + x] = v[((y * kw + x) * c + ic) * m + im];
                    }
                }
            }
        }
        assertExact(Layouts.depthwiseToOihw(k), ref, (long) c * m, 1, kh, kw);
    }

    @Test
    void conv2dTransposeKernel() {
        int kh = 3, kw = 3, co = 2, ci = 5;  // TF stores [kh, kw, out, in]
        Tensor k = distinct(kh, kw, co, ci);
        double[] v = k.toDoubleArray();
        double[] ref = new double[v.length];
        for (int i = 0; i < ci; i++) {
            for (int o = 0; o < co; o++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        ref[((i * co + o) * kh + y) * kw + x] = v[((y * kw + x) * co + o) * ci + i];  // no flip
                    }
                }
            }
        }
        assertExact(Layouts.conv2dTransposeKernelToWeight(k), ref, ci, co, kh, kw);
    }

    @Test
    void denseKernelTransposes() {
        Tensor k = distinct(4, 3);
        double[] v = k.toDoubleArray();
        double[] ref = new double[12];
        for (int o = 0; o < 3; o++) {
            for (int i = 0; i < 4; i++) {
                ref[o * 4 + i] = v[i * 3 + o];
            }
        }
        assertExact(Layouts.denseKernelToLinearWeight(k), ref, 3, 4);
        assertExact(Layouts.linearWeightToDenseKernel(Layouts.denseKernelToLinearWeight(k)), v, 4, 3);
    }

    @Test
    void flattenOrderFixMovesKerasFlattenIndexToTorchFlattenIndex() {
        int h = 2, w = 3, c = 4, out = 5;
        Tensor kernel = distinct((long) h * w * c, out);  // Keras Dense kernel after Flatten
        double[] k = kernel.toDoubleArray();
        double[] ref = new double[k.length];
        for (int o = 0; o < out; o++) {
            for (int ic = 0; ic < c; ic++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int keras = (y * w + x) * c + ic;
                        int torch = ic * h * w + y * w + x;
                        ref[o * (h * w * c) + torch] = k[keras * out + o];
                    }
                }
            }
        }
        Tensor weight = Layouts.flattenOrderFix(Layouts.denseKernelToLinearWeight(kernel), h, w, c);
        assertExact(weight, ref, out, (long) h * w * c);
        // the same Linear output for an NHWC map flattened by Keras and its NCHW copy flattened by PyTorch
        Tensor map = distinct(1, h, w, c);
        Tensor kerasOut = map.reshape(1, (long) h * w * c).matmul(kernel);
        Tensor torchOut = Layouts.nhwcToNchw(map).reshape(1, (long) h * w * c).matmul(weight.permute(1, 0));
        assertThat(torchOut.allClose(kerasOut, 1e-12, 1e-12)).isTrue();
        assertThatThrownBy(() -> Layouts.flattenOrderFix(weight, 3, 3, 3))
                .hasMessage("flattenOrderFix: weight [5, 24] needs 3*3*3 = 27 inputs (H, W, C of the flattened map)");
    }

    @Test
    void lstmKeepsGateOrderAndSplitsTheBias() {
        int in = 3, u = 2;
        Tensor kernel = distinct(in, 4L * u);
        Tensor rec = distinct(u, 4L * u);
        Tensor bias = distinct(4L * u);
        Layouts.RnnWeights r = Layouts.lstm(kernel, rec, bias);
        double[] k = kernel.toDoubleArray();
        double[] ref = new double[k.length];
        for (int row = 0; row < 4 * u; row++) {  // PyTorch gate g*U+j = Keras gate g*U+j (i,f,c,o = i,f,g,o)
            for (int i = 0; i < in; i++) {
                ref[row * in + i] = k[i * 4 * u + row];
            }
        }
        assertExact(r.weightIh(), ref, 4L * u, in);
        double[] rv = rec.toDoubleArray();
        double[] rref = new double[rv.length];
        for (int row = 0; row < 4 * u; row++) {
            for (int i = 0; i < u; i++) {
                rref[row * u + i] = rv[i * 4 * u + row];
            }
        }
        assertExact(r.weightHh(), rref, 4L * u, u);
        assertExact(r.biasIh(), bias.toDoubleArray(), 4L * u);
        assertExact(r.biasHh(), new double[4 * u], 4L * u);
        assertThat(Layouts.lstm(kernel, rec, null).biasIh()).isNull();
        assertThatThrownBy(() -> Layouts.lstmRecurrentKernelToWeight(distinct(2, 6)))
                .hasMessage("lstmRecurrentKernelToWeight: recurrent kernel [2, 6] is not [U, 4U]");
    }

    @Test
    void gruReordersGatesZrhToRzn() {
        int in = 3, u = 2;
        Tensor kernel = distinct(in, 3L * u);
        Tensor rec = distinct(u, 3L * u);
        Tensor bias = distinct(2, 3L * u);
        Layouts.RnnWeights r = Layouts.gru(kernel, rec, bias);
        int[] kerasGateOfTorchGate = {1, 0, 2};  // torch r <- keras r (1), torch z <- keras z (0), n <- h (2)
        double[] k = kernel.toDoubleArray();
        double[] rv = rec.toDoubleArray();
        double[] b = bias.toDoubleArray();
        double[] kref = new double[k.length];
        double[] rref = new double[rv.length];
        double[] bih = new double[3 * u];
        double[] bhh = new double[3 * u];
        for (int g = 0; g < 3; g++) {
            for (int j = 0; j < u; j++) {
                int torchRow = g * u + j;
                int kerasCol = kerasGateOfTorchGate[g] * u + j;
                for (int i = 0; i < in; i++) {
                    kref[torchRow * in + i] = k[i * 3 * u + kerasCol];
                }
                for (int i = 0; i < u; i++) {
                    rref[torchRow * u + i] = rv[i * 3 * u + kerasCol];
                }
                bih[torchRow] = b[kerasCol];
                bhh[torchRow] = b[3 * u + kerasCol];
            }
        }
        assertExact(r.weightIh(), kref, 3L * u, in);
        assertExact(r.weightHh(), rref, 3L * u, u);
        assertExact(r.biasIh(), bih, 3L * u);
        assertExact(r.biasHh(), bhh, 3L * u);
    }

    @Test
    void gruWithResetAfterFalseIsRefusedWithAnExplanation() {
        assertThatThrownBy(() -> Layouts.gruBiasToBiases(distinct(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reset_after=False")
                .hasMessageContaining("torch.nn.GRU applies it after");
        assertThatThrownBy(() -> Layouts.gruBiasToBiases(distinct(3, 6)))
                .hasMessage("gruBiasToBiases: bias [3, 6] is not [2, 3U] (input and recurrent biases of 3 gates)");
    }

    @Test
    void dtypesArePreservedAndInputsUntouched() {
        Tensor ints = Tensor.fromArray(new int[] {1, 2, 3, 4, 5, 6}, 1, 1, 2, 3);
        Tensor out = Layouts.hwioToOihw(ints);
        assertThat(out.dtype()).isEqualTo(DType.INT32);
        assertThat(out.toLongArray()).containsExactly(1, 4, 2, 5, 3, 6);
        Tensor bools = Tensor.fromArray(new boolean[] {true, false, false, true, true, false}, 2, 3);
        assertThat(Layouts.denseKernelToLinearWeight(bools).dtype()).isEqualTo(DType.BOOL);
        Tensor f32 = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 1, 6);
        Tensor gru = Layouts.gruKernelToWeight(f32);
        assertThat(gru.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(gru.toFloatArray()).containsExactly(3, 4, 1, 2, 5, 6);
        assertThat(f32.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
        Tensor bias = Tensor.fromArray(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor[] gb = Layouts.gruBiasToBiases(bias);
        assertThat(gb[0].toLongArray()).containsExactly(2, 1, 3);
        assertThat(gb[1].toLongArray()).containsExactly(5, 4, 6);
    }

    @Test
    void wrongRanksNameTheTransformAndTheShape() {
        assertThatThrownBy(() -> Layouts.hwioToOihw(distinct(3, 3)))
                .hasMessage("hwioToOihw expects a rank-4 tensor (H,W,I,O), got [3, 3]");
        assertThatThrownBy(() -> Layouts.nhwcToNchw(distinct(2, 3, 4)))
                .hasMessage("nhwcToNchw expects a rank-4 tensor (N,H,W,C), got [2, 3, 4]");
        assertThatThrownBy(() -> Layouts.depthwiseToOihw(distinct(3, 3, 2)))
                .hasMessage("depthwiseToOihw expects a rank-4 tensor (H,W,C,M), got [3, 3, 2]");
        assertThatThrownBy(() -> Layouts.gruKernelToWeight(distinct(3, 4)))
                .hasMessage("gruKernelToWeight: kernel [3, 4] is not 3 gates of equal size");
    }
}
