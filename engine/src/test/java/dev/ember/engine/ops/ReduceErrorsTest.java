package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import dev.ember.engine.ValuesIndices;
import dev.ember.engine.ops.reduce.Prod;
import org.junit.jupiter.api.Test;

/** Bad input to reductions: clear errors naming the op, the argument and the valid range. */
class ReduceErrorsTest {

    @Test
    void dimOutOfRangeNamesTheOpAndTheRange() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.prod(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prod: dim 2 is out of range for a tensor of rank 2 (expected -2..1)");
        assertThatThrownBy(() -> a.max(-3)).hasMessage("max: dim -3 is out of range for a tensor of rank 2 (expected -2..1)");
        assertThatThrownBy(() -> a.argmin(5, false)).hasMessageStartingWith("argmin: dim 5 is out of range");
        assertThatThrownBy(() -> a.var(2)).hasMessageStartingWith("var: dim 2 is out of range");
        assertThatThrownBy(() -> a.logsumexp(2)).hasMessageStartingWith("logsumexp: dim 2 is out of range");
        assertThatThrownBy(() -> a.norm(2, 3, false)).hasMessageStartingWith("norm: dim 3 is out of range");
        assertThatThrownBy(() -> Tensor.scalar(1.0).amax(new int[] {1}, false))
                .hasMessage("amax: dim 1 is out of range for a tensor of rank 0 (expected -1..0)");
    }

    @Test
    void repeatedDimsAreRefused() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).amax(new int[] {1, -1}, false))
                .hasMessage("amax: dim 1 appears more than once in [1, -1]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).std(new int[] {0, 0}, true, false))
                .hasMessageStartingWith("std: dim 0 appears more than once");
    }

    @Test
    void prodTakesAllElementsOrOneDim() {
        assertThatThrownBy(() -> Prod.apply(Tensor.zeros(2, 3), new int[] {0, 1}, false))
                .hasMessage("prod: reduces over all elements or one dim, got dims [0, 1]");
    }

    @Test
    void meanVarStdAndNormNeedFloatingInput() {
        Tensor ints = Tensor.of(1, 2, 3);
        assertThatThrownBy(ints::mean).hasMessageStartingWith("mean: input dtype must be floating point, got int64");
        assertThatThrownBy(ints::var)
                .hasMessage("var: std and var only support floating-point dtypes, got int64 (convert with .to(DType.FLOAT32))");
        assertThatThrownBy(() -> Tensor.of(true).std()).hasMessageStartingWith("std: std and var only support "
                + "floating-point dtypes, got bool");
        assertThatThrownBy(ints::norm).hasMessageStartingWith("norm: input dtype should be floating point, got int64");
        assertThatThrownBy(() -> Tensor.zeros(3).norm(Double.NaN)).hasMessage("norm: p must be a number, got NaN");
    }

    @Test
    void maxMinArgmaxOfNothingAreRefused() {
        Tensor empty = Tensor.zeros(2, 0);
        assertThatThrownBy(() -> empty.max(1))
                .hasMessage("max(): expected reduction dim 1 to have non-zero size, got shape [2, 0]");
        assertThatThrownBy(() -> empty.min(-1, true)).hasMessageStartingWith("min(): expected reduction dim 1");
        assertThatThrownBy(() -> empty.amax(new int[] {1}, false)).hasMessageStartingWith("amax(): expected reduction dim 1");
        assertThatThrownBy(() -> empty.argmax(1, false)).hasMessageStartingWith("argmax(): expected reduction dim 1");
        assertThatThrownBy(empty::max).hasMessageStartingWith("max(): expected a non-empty input, got shape [2, 0]");
        assertThatThrownBy(empty::argmin).hasMessageStartingWith("argmin(): expected a non-empty input");
        assertThatThrownBy(() -> empty.norm(Double.POSITIVE_INFINITY)).hasMessageStartingWith("norm(): expected a non-empty");
    }

    @Test
    void reducingTheNonEmptyDimOfAnEmptyTensorIsFine() {
        Tensor empty = Tensor.zeros(2, 0);
        ValuesIndices m = empty.max(0);
        assertThat(m.values().shape()).containsExactly(0);
        assertThat(m.indices().shape()).containsExactly(0);
        assertThat(empty.prod(1).toDoubleArray()).containsExactly(1, 1);
        assertThat(empty.sum(1).toDoubleArray()).containsExactly(0, 0);
        assertThat(empty.mean(1).toDoubleArray()).containsExactly(Double.NaN, Double.NaN);
        assertThat(empty.logsumexp(1).toDoubleArray()).containsExactly(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void argmaxOfBoolIsRefused() {
        assertThatThrownBy(() -> Tensor.of(true, false).argmax())
                .hasMessage("argmax: not supported for bool tensors (convert with .to(DType.INT64))");
    }
}
