package dev.ember.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Factories, dtypes of literals, conversions, and their bad-input errors. */
class TensorCreationTest {

    @Test
    void zerosOnesFullEmpty() {
        assertThat(Tensor.zeros(2, 3).shape()).containsExactly(2, 3);
        assertThat(Tensor.zeros(2, 3).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.ones(DType.INT32, 2).toLongArray()).containsExactly(1, 1);
        assertThat(Tensor.full(2.5, 2).toDoubleArray()).containsExactly(2.5, 2.5);
        assertThat(Tensor.full(3, DType.INT64, 2).toLongArray()).containsExactly(3, 3);
        assertThat(Tensor.empty(0, 3).numel()).isZero();
        assertThat(Tensor.zeros().dim()).isZero();
        assertThat(Tensor.zerosLike(Tensor.ones(DType.FLOAT64, 4)).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void negativeSizesAreRefused() {
        assertThatThrownBy(() -> Tensor.zeros(2, -1)).hasMessageContaining("negative size").hasMessageContaining("[2, -1]");
    }

    @Test
    void arangeLinspaceEye() {
        assertThat(Tensor.arange(4).toLongArray()).containsExactly(0, 1, 2, 3);
        assertThat(Tensor.arange(4).dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.arange(0, 1, 0.25).toDoubleArray()).containsExactly(0, 0.25, 0.5, 0.75);
        assertThat(Tensor.arange(3, 0, -1).toDoubleArray()).containsExactly(3, 2, 1);
        assertThat(Tensor.linspace(0, 1, 5).toDoubleArray()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(Tensor.linspace(-1, 1, 1).toDoubleArray()).containsExactly(-1);
        assertThat(Tensor.eye(2, 3).toDoubleArray()).containsExactly(1, 0, 0, 0, 1, 0);
        assertThatThrownBy(() -> Tensor.arange(0, 1, 0)).hasMessageContaining("step must be non-zero");
        assertThatThrownBy(() -> Tensor.arange(0, 1, -1)).hasMessageContaining("inconsistent with step sign");
        assertThatThrownBy(() -> Tensor.linspace(0, 1, -2)).hasMessageContaining("steps must be >= 0");
    }

    @Test
    void literalsMapToPyTorchDefaults() {
        assertThat(Tensor.of(1.0, 2.0).dtype()).as("double literals, like Python floats").isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of(1, 2).dtype()).as("int literals, like Python ints").isEqualTo(DType.INT64);
        assertThat(Tensor.of(1f).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of(true, false).dtype()).isEqualTo(DType.BOOL);
        assertThat(Tensor.scalar(2.0).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.scalar(2L).dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.scalar(2.0, DType.FLOAT64).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensor.of(new double[][] {{1, 2}, {3, 4}}).shape()).containsExactly(2, 2);
    }

    @Test
    void fromArrayKeepsTheJavaElementTypeLikeFromNumpy() {
        assertThat(Tensor.fromArray(new double[] {1, 2}, 2).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensor.fromArray(new float[] {1, 2}, 2).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.fromArray(new int[] {1, 2}, 2).dtype()).isEqualTo(DType.INT32);
        assertThat(Tensor.fromArray(new long[] {1, 2}, 2).dtype()).isEqualTo(DType.INT64);
        Tensor t = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(t.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> Tensor.fromArray(new float[] {1, 2, 3}, 2, 2))
                .hasMessageContaining("shape [2, 2] needs 4 values, got 3");
        assertThatThrownBy(() -> Tensor.of(new float[][] {{1, 2}, {3}})).hasMessageContaining("row 1 has 1 values");
    }

    @Test
    void nestedArraysOfAnyRankLikeTorchTensor() {
        float[][][][] nhwc = new float[2][3][4][1];
        nhwc[1][2][3][0] = 7;
        nhwc[0][1][0][0] = -1;
        Tensor t = Tensor.of(nhwc);
        assertThat(t.shape()).containsExactly(2, 3, 4, 1);
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.toFloatArray()[1 * 12 + 2 * 4 + 3]).isEqualTo(7);
        assertThat(t.toFloatArray()[4]).isEqualTo(-1);
        assertThat(Tensor.of(new float[][][] {{{1, 2}}, {{3, 4}}}).toFloatArray()).containsExactly(1, 2, 3, 4);
        Tensor l = Tensor.of(new long[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(l.dtype()).isEqualTo(DType.INT64);
        assertThat(l.shape()).containsExactly(2, 3);
        assertThat(l.toLongArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> Tensor.of(new float[][][] {{{1, 2}}, {{3}}}))
                .hasMessageContaining("row [1][0] has 1 values, expected 2");
        assertThatThrownBy(() -> Tensor.of(new float[0][][]))
                .hasMessageContaining("empty nested arrays have no shape");
    }

    @Test
    void bytesRoundTrip() {
        Tensor t = Tensor.fromArray(new double[] {1.5, -2, 3e10}, 3);
        Tensor back = Tensor.fromBytes(t.toBytes(), DType.FLOAT64, 3);
        assertThat(back.toDoubleArray()).containsExactly(1.5, -2, 3e10);
        Tensor p = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).permute(1, 0);
        assertThat(Tensor.fromBytes(p.toBytes(), DType.FLOAT32, 3, 2).toFloatArray()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThatThrownBy(() -> Tensor.fromBytes(java.nio.ByteBuffer.allocate(3), DType.FLOAT32, 1))
                .hasMessageContaining("expected 4 bytes");
    }

    @Test
    void fromBytesWritesEveryByteOfUninitializedMemory() {
        // fromBytes skips the zero-fill: each element must come from the bytes, whatever the memory held.
        for (DType d : DType.values()) {
            for (int round = 0; round < 3; round++) {
                int n = 1000 + round;
                byte[] raw = new byte[7 + n * d.byteSize()];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = (byte) (d == DType.BOOL ? (i + round) & 1 : 31 * i + 7 * round + 1);
                }
                java.nio.ByteBuffer heap = java.nio.ByteBuffer.wrap(raw, 7, n * d.byteSize()).slice();
                java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(heap.remaining()).put(heap.duplicate()).flip();
                for (java.nio.ByteBuffer src : new java.nio.ByteBuffer[] {heap, direct}) {
                    Tensor t = Tensor.fromBytes(src, d, n);
                    assertThat(t.dtype()).isEqualTo(d);
                    assertThat(src.remaining()).isEqualTo(n * d.byteSize());
                    java.nio.ByteBuffer back = t.toBytes();
                    assertThat(back.remaining()).isEqualTo(n * d.byteSize());
                    assertThat(back.equals(heap.duplicate())).as("%s round %d", d, round).isTrue();
                }
            }
        }
        assertThat(Tensor.fromBytes(Tensor.scalar(42L).toBytes(), DType.INT64).toLongArray()).containsExactly(42);
        assertThat(Tensor.fromBytes(java.nio.ByteBuffer.allocate(0), DType.FLOAT32, 0, 3).shape()).containsExactly(0, 3);
    }

    @Test
    void randomFactoriesAreSeededAndInRange() {
        Tensor a = Tensor.rand(new Generator(3), 1000);
        Tensor b = Tensor.rand(new Generator(3), 1000);
        assertThat(a.toFloatArray()).containsExactly(b.toFloatArray());
        for (float v : a.toFloatArray()) {
            assertThat(v).isBetween(0f, 1f);
        }
        double[] n = Tensor.randn(new Generator(4), 20000).toDoubleArray();
        double mean = java.util.Arrays.stream(n).average().orElseThrow();
        double var = java.util.Arrays.stream(n).map(v -> (v - mean) * (v - mean)).sum() / n.length;
        assertThat(mean).isCloseTo(0, within(0.03));
        assertThat(var).isCloseTo(1, within(0.05));
        long[] r = Tensor.randint(new Generator(5), -2, 3, 500).toLongArray();
        for (long v : r) {
            assertThat(v).isBetween(-2L, 2L);
        }
        assertThat(java.util.Arrays.stream(r).distinct().count()).isEqualTo(5);
        long[] perm = Tensor.randperm(10).toLongArray();
        assertThat(perm).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThatThrownBy(() -> Tensor.randint(3, 3, 2)).hasMessageContaining("high must be > low");
        Ember.manualSeed(11);
        float[] first = Tensor.randn(4).toFloatArray();
        Ember.manualSeed(11);
        assertThat(Tensor.randn(4).toFloatArray()).containsExactly(first);
    }

    @Test
    void itemAndConversion() {
        assertThat(Tensor.scalar(3f).item()).isEqualTo(3.0);
        assertThat(Tensor.of(7.0).item()).isEqualTo(7.0);
        assertThatThrownBy(() -> Tensor.zeros(2, 3).item())
                .hasMessageContaining("a Tensor with 6 elements cannot be converted to a scalar");
        Tensor x = Tensor.of(1.7, -1.7, 2.5);
        assertThat(x.to(DType.INT64).toLongArray()).as("float -> int truncates toward zero").containsExactly(1, -1, 2);
        assertThat(x.to(DType.FLOAT32)).isSameAs(x);
        assertThat(Tensor.of(0.0, 2.0).to(DType.BOOL).toLongArray()).containsExactly(0, 1);
        assertThat(x.size(-1)).isEqualTo(3);
        assertThatThrownBy(() -> x.size(1)).hasMessageContaining("dim 1 is out of range for a tensor of rank 1");
    }

    @Test
    void allCloseAndEqual() {
        Tensor a = Tensor.of(1.0, 2.0);
        assertThat(a.allClose(Tensor.of(1.0, 2.000001), 1e-5, 1e-8)).isTrue();
        assertThat(a.allClose(Tensor.of(1.0, 2.1))).isFalse();
        assertThat(a.allClose(Tensor.of(Double.NaN, 2.0))).isFalse();
        assertThat(a.equal(Tensor.of(1.0, 2.0))).isTrue();
        assertThat(a.equal(Tensor.of(1.0, 2.0, 3.0))).isFalse();
    }

    @Test
    void typePromotionInBinaryOps() {
        Tensor i = Tensor.of(1, 2);
        Tensor f = Tensor.of(0.5, 0.5);
        assertThat(i.add(f).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(i.add(2.0).dtype()).as("int tensor + integral scalar stays int").isEqualTo(DType.INT64);
        assertThat(i.add(2.5).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(i.div(i).dtype()).as("true division").isEqualTo(DType.FLOAT32);
        assertThat(f.add(Tensor.fromArray(new double[] {1, 1}, 2)).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensor.fromArray(new int[] {1}, 1).add(Tensor.of(1L)).dtype()).isEqualTo(DType.INT64);
        assertThatThrownBy(() -> Tensor.of(true).add(Tensor.of(true))).hasMessageContaining("bool");
        assertThatThrownBy(() -> Tensor.of(1, 2).mean()).hasMessageContaining("mean: input dtype must be floating point");
    }

    @Test
    void devices() {
        assertThat(Tensor.zeros(1).device()).isEqualTo(Device.CPU);
        assertThat(Tensor.zeros(1).to(Device.CPU).device()).isEqualTo(Device.CPU);
        assertThatThrownBy(() -> Tensor.zeros(1).to(Device.cuda(0)))
                .hasMessageContaining("Device cuda:0 is not available in this build").hasMessageContaining("-Pcuda");
        assertThat(Device.parse("cuda:1")).isEqualTo(Device.cuda(1));
        assertThatThrownBy(() -> Device.parse("tpu")).hasMessageContaining("unknown device 'tpu'");
    }
}
