package dev.ember.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Kernels of {@link ShapeKernels} that no op-spec row reaches directly, on the real backend. */
class ShapeKernelsTest {
    private final ShapeKernels k = Kernels.shape();

    @Test
    void padPlacesTheInputInsideAConstantBorder() {
        Array a = Tensor.arange(0, 6, 1, DType.FLOAT64).reshape(2, 3).array();
        Array p = k.pad(a, new long[] {1, 0, 0, 2}, -1);
        assertThat(p.shape()).containsExactly(3, 5);
        assertThat(Tensor.wrap(p).toDoubleArray()).containsExactly(-1, -1, -1, -1, -1, 0, 1, 2, -1, -1, 3, 4, 5, -1, -1);
    }

    @Test
    void padOfATransposedViewAndOfUnitDims() {
        Array a = Tensor.arange(0, 6, 1, DType.FLOAT64).reshape(2, 3).t().array();
        assertThat(Tensor.wrap(k.pad(a, new long[] {0, 0, 1, 1}, 0)).toDoubleArray())
                .containsExactly(0, 0, 3, 0, 0, 1, 4, 0, 0, 2, 5, 0);
        Array u = Tensor.ones(DType.FLOAT32, 1, 1).array();
        assertThat(Tensor.wrap(k.pad(u, new long[] {1, 1, 0, 0}, 7)).toDoubleArray()).containsExactly(7, 1, 7);
    }

    @Test
    void sliceWithAStepOnAStridedArrayIsAView() {
        Tensor base = Tensor.arange(0, 20, 1, DType.FLOAT64).reshape(4, 5);
        Array t = base.t().array();
        Array s = k.slice(t, 1, 1, 4, 2);
        assertThat(s.shape()).containsExactly(5, 2);
        assertThat(Tensor.wrap(s).toDoubleArray()).containsExactly(5, 15, 6, 16, 7, 17, 8, 18, 9, 19);
        assertThat(k.strides(s)).containsExactly(1, 10);
    }

    @Test
    void indexSelectAlongALaterDimension() {
        Array a = Tensor.arange(0, 12, 1, DType.FLOAT64).reshape(3, 4).array();
        Array r = k.indexSelect(a, 1, Tensor.of(3, 1).array());
        assertThat(Tensor.wrap(r).toDoubleArray()).containsExactly(3, 1, 7, 5, 11, 9);
    }

    @Test
    void scatterAddSumsRepeatedIndices() {
        Array base = Tensor.zeros(DType.FLOAT64, 3).array();
        long[] idx = new long[3000];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i % 3;
        }
        Array r = k.scatterAdd(base, 0, Tensor.fromArray(idx, idx.length).array(), Tensor.ones(DType.FLOAT64, 3000).array());
        assertThat(Tensor.wrap(r).toDoubleArray()).containsExactly(1000, 1000, 1000);
        Array r2 = k.indexAdd(Tensor.zeros(DType.FLOAT64, 3, 2).array(), 0, Tensor.fromArray(idx, idx.length).array(),
                Tensor.ones(DType.FLOAT64, 3000, 2).array());
        assertThat(Tensor.wrap(r2).toDoubleArray()).containsExactly(1000, 1000, 1000, 1000, 1000, 1000);
    }

    @Test
    void outOfRangeIndicesAreRefusedBeforeNativeCode() {
        Array idx = Tensor.of(0, 2).array();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.indexAdd(Tensor.zeros(DType.FLOAT64, 2, 2).array(), 0,
                idx, Tensor.ones(DType.FLOAT64, 2, 2).array())).hasMessageContaining("index 2 is out of range");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.indexSelect(Tensor.zeros(DType.FLOAT64, 2, 2).array(),
                1, idx)).hasMessageContaining("index 2 is out of range for dimension 1 with size 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.gather(Tensor.zeros(DType.FLOAT64, 2, 2).array(), 0,
                Tensor.fromArray(new long[] {0, 5, 1, 0}, 2, 2).array())).hasMessageContaining("5");
    }

    @Test
    void catDoesNotChangeItsInputs() {
        Tensor a = Tensor.zeros(2, 3);
        k.cat(new Array[] {a.array(), Tensor.ones(2, 1).array()}, 1);
        assertThat(a.shape()).containsExactly(2, 3);
    }

    @Test
    void contiguousCopiesTransposedPermutedSlicedAndExpandedViews() {
        // Each expected value list comes from ND4J's own copy (toDoubleArray of the view), the NIO loop is the kernel.
        Tensor m = Tensor.arange(0, 70 * 45, 1, DType.FLOAT32).reshape(70, 45);
        Tensor[] views = {
            m.t(),                                                        // a transpose spanning several tiles
            m.narrow(0, 3, 40).narrow(1, 5, 33).t(),                     // offset + transpose, ragged tiles
            Tensor.arange(0, 2 * 3 * 4 * 5, 1, DType.FLOAT64).reshape(2, 3, 4, 5).permute(3, 1, 0, 2),
            Tensor.arange(0, 60, 1, DType.INT64).reshape(3, 4, 5).narrow(2, 1, 3),  // unit-stride rows, offset
            m.narrow(0, 10, 1).narrow(1, 2, 40),                         // one row: merged to a single bulk copy
            Tensor.arange(0, 4, 1, DType.FLOAT32).reshape(4, 1).expand(4, 6),       // stride 0
            m.narrow(0, 0, 20).narrow(1, 0, 20).t().narrow(0, 7, 1).narrow(1, 3, 1), // one element, offset
        };
        for (Tensor v : views) {
            Tensor c = Tensor.wrap(k.contiguous(v.array()));
            assertThat(c.shape()).containsExactly(v.shape());
            assertThat(c.dtype()).isEqualTo(v.dtype());
            assertThat(k.isContiguous(c.array())).isTrue();
            assertThat(c.toDoubleArray()).containsExactly(v.toDoubleArray());
        }
        Tensor b = Tensor.of(true, false, false, true, true, false).reshape(2, 3).t();
        assertThat(Tensor.wrap(k.contiguous(b.array())).toLongArray()).containsExactly(1, 1, 0, 1, 0, 0);
        Tensor bits = Tensor.of(Float.NaN, -0f, 1f, 2f).reshape(2, 2).t();
        float[] r = Tensor.wrap(k.contiguous(bits.array())).toFloatArray();
        assertThat(Float.isNaN(r[0])).isTrue();
        assertThat(Float.floatToRawIntBits(r[1])).isEqualTo(Float.floatToRawIntBits(1f));
        assertThat(Float.floatToRawIntBits(r[2])).isEqualTo(Float.floatToRawIntBits(-0f));
    }
}
