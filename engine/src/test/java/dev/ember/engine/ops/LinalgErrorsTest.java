package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Bad input to the strict-rank products (mm, bmm, mv, dot, outer): PyTorch-like messages, no ND4J errors. */
class LinalgErrorsTest {

    @Test
    void mmNeedsMatricesThatMultiply() {
        assertThatThrownBy(() -> Tensor.randn(2, 3, 4).mm(Tensor.randn(4, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mm expects mat1 of rank 2, got [2, 3, 4]");
        assertThatThrownBy(() -> Tensor.randn(2, 3).mm(Tensor.randn(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mm expects mat2 of rank 2, got [3]");
        assertThatThrownBy(() -> Tensor.randn(3, 4).mm(Tensor.randn(3, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mm: mat1 and mat2 shapes cannot be multiplied (3x4 and 3x4)");
        assertThatThrownBy(() -> Tensor.randn(2, 3).mm(Tensor.randn(3, 2).to(DType.FLOAT64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mm: expected mat1 and mat2 to have the same dtype, got float32 and float64 "
                        + "(convert one with .to(...))");
        assertThatThrownBy(() -> Tensor.ones(DType.INT64, 2, 2).mm(Tensor.ones(DType.INT64, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mm: integer and bool tensors are not supported (got int64); convert with .to(DType.FLOAT32)");
    }

    @Test
    void bmmNeedsEqualBatchesAndDoesNotBroadcast() {
        assertThatThrownBy(() -> Tensor.randn(3, 4).bmm(Tensor.randn(2, 4, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bmm expects batch1 of rank 3 (B,N,M), got [3, 4]");
        assertThatThrownBy(() -> Tensor.randn(2, 3, 4).bmm(Tensor.randn(4, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bmm expects batch2 of rank 3 (B,M,P), got [4, 5]");
        assertThatThrownBy(() -> Tensor.randn(2, 3, 4).bmm(Tensor.randn(1, 4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bmm: expected batch2 of shape [2, 4, *] for batch1 of shape [2, 3, 4], got [1, 4, 5] "
                        + "(batch sizes differ; bmm does not broadcast, matmul does)");
        assertThatThrownBy(() -> Tensor.randn(2, 3, 4).bmm(Tensor.randn(2, 3, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bmm: expected batch2 of shape [2, 4, *] for batch1 of shape [2, 3, 4], got [2, 3, 5]");
    }

    @Test
    void mvNeedsAMatrixAndAMatchingVector() {
        assertThatThrownBy(() -> Tensor.randn(3).mv(Tensor.randn(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mv expects mat of rank 2, got [3]");
        assertThatThrownBy(() -> Tensor.randn(3, 4).mv(Tensor.randn(4, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mv expects vec of rank 1, got [4, 1]");
        assertThatThrownBy(() -> Tensor.randn(3, 4).mv(Tensor.randn(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mv: size mismatch, mat of shape [3, 4] needs vec of size 4, got [3]");
    }

    @Test
    void dotAndOuterNeedVectors() {
        assertThatThrownBy(() -> Tensor.randn(3).dot(Tensor.randn(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dot: expected 1-D tensors of the same size, got [3] and [4]");
        assertThatThrownBy(() -> Tensor.randn(2, 2).dot(Tensor.randn(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dot expects self of rank 1, got [2, 2]");
        assertThatThrownBy(() -> Tensor.of(1, 2).dot(Tensor.of(1.0f, 2.0f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dot: expected self and other to have the same dtype, got int64 and float32 "
                        + "(convert one with .to(...))");
        assertThatThrownBy(() -> Tensor.randn(3).outer(Tensor.randn(2, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outer expects vec2 of rank 1, got [2, 2]");
        assertThatThrownBy(() -> Tensor.scalar(1.0).outer(Tensor.randn(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outer expects self of rank 1, got []");
    }
}
