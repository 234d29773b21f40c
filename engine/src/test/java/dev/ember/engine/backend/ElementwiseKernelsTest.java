package dev.ember.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** {@code where} on the real backend (the NIO loop for every engine dtype, BOOL included). */
class ElementwiseKernelsTest {
    private static Tensor where(Tensor c, Tensor a, Tensor b) {
        return Tensor.wrap(Kernels.elementwise().where(c.array(), a.array(), b.array()));
    }

    @Test
    void broadcastsConditionAndOperandsAlongAnyDimension() {
        Tensor c = Tensor.of(true, false, true).reshape(1, 3, 1);            // middle dim
        Tensor a = Tensor.arange(0, 12, 1, DType.FLOAT32).reshape(2, 3, 2);  // full
        Tensor b = Tensor.of(-1f, -2f).reshape(2, 1, 1);                     // outer dim
        Tensor r = where(c, a, b);
        assertThat(r.shape()).containsExactly(2, 3, 2);
        assertThat(r.toDoubleArray()).containsExactly(0, 1, -1, -1, 4, 5, 6, 7, -2, -2, 10, 11);
        Tensor s = where(Tensor.scalar(false), Tensor.scalar(1.0, DType.FLOAT64), Tensor.arange(0, 3, 1, DType.FLOAT64));
        assertThat(s.toDoubleArray()).containsExactly(0, 1, 2);
    }

    @Test
    void copiesBitsSoNanAndNegativeZeroSurvive() {
        Tensor c = Tensor.of(true, true, false, false);
        Tensor a = Tensor.of(Float.NaN, -0f, 1f, 1f);
        Tensor b = Tensor.of(2f, 2f, Float.NEGATIVE_INFINITY, -0f);
        float[] r = where(c, a, b).toFloatArray();
        assertThat(Float.isNaN(r[0])).isTrue();
        assertThat(Float.floatToRawIntBits(r[1])).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(r[2]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float.floatToRawIntBits(r[3])).isEqualTo(Float.floatToRawIntBits(-0f));
    }

    @Test
    void integerAndBoolOperandsAndStridedViews() {
        Tensor c = Tensor.of(true, false, false, true).reshape(2, 2);
        Tensor a = Tensor.of(1L << 40, 2L, 3L, 4L).reshape(2, 2).t();          // non-contiguous int64
        Tensor b = Tensor.of(-5, -6, -7, -8).reshape(2, 2).to(DType.INT64);
        assertThat(where(c, a, b).toLongArray()).containsExactly(1L << 40, -6, -7, 4);
        Tensor ai = Tensor.fromArray(new int[] {1, 2, 3, 4}, 2, 2);
        Tensor bi = Tensor.fromArray(new int[] {9, 9, 9, 9}, 2, 2);
        Tensor ri = where(c.t(), ai, bi);                                     // strided condition
        assertThat(ri.dtype()).isEqualTo(DType.INT32);
        assertThat(ri.toLongArray()).containsExactly(1, 9, 9, 4);
        Tensor rb = where(c, Tensor.of(true, true, true, true).reshape(2, 2), Tensor.of(false).reshape(1, 1));
        assertThat(rb.dtype()).isEqualTo(DType.BOOL);
        assertThat(rb.toLongArray()).containsExactly(1, 0, 0, 1);
    }
}
