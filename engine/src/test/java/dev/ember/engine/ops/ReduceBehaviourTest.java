package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.ValuesIndices;
import dev.ember.engine.autograd.Autograd;
import org.junit.jupiter.api.Test;

/**
 * Reductions where random inputs cannot reach: ties, zeros, NaN, degenerate sizes, extreme
 * values and second derivatives. Expected values are PyTorch 1.13's.
 */
class ReduceBehaviourTest {

    private static Tensor leaf(double[] v, long... shape) {
        return Tensor.fromArray(v, shape).requiresGrad_(true);
    }

    @Test
    void longFloat32SumsAndMeansStayWithinFloat32RoundingAsPyTorchs() {
        // libnd4j accumulates float32 in float32: this mean used to come out 16.12 (PyTorch: 17.0).
        Tensor t = Tensor.full(17, 1L << 24);
        assertThat(t.mean().item()).isEqualTo(17.0);
        assertThat(t.sum().item()).isEqualTo(17.0 * (1L << 24));
        assertThat(t.mean().dtype()).isEqualTo(DType.FLOAT32);
        Tensor r = Tensor.rand(4, 1 << 20);
        float[] got = r.mean(1).toFloatArray();
        double[] ref = r.to(DType.FLOAT64).mean(1).toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            assertThat((double) got[i]).isCloseTo(ref[i], within(1e-7));
        }
        // keepdim and a dim list take the same path
        assertThat(t.reshape(1 << 12, 1 << 12).sum(new int[] {0, 1}, true).item()).isEqualTo(17.0 * (1L << 24));
    }

    @Test
    void maxAndMinOfAllElementsSplitTheGradientAmongTies() {
        Tensor x = leaf(new double[] {1, 1, 0.5}, 3);
        x.max().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0.5, 0.5, 0);
        Tensor y = leaf(new double[] {2, 0, 0, 0}, 2, 2);
        y.min().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(0, 1.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void amaxAndAminSplitTheGradientAmongTiesPerSlice() {
        Tensor x = leaf(new double[] {1, 1, 0.5, 2, 0, 2}, 2, 3);
        x.amax(new int[] {1}, false).mul(Tensor.fromArray(new double[] {1, 4}, 2)).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0.5, 0.5, 0, 2, 0, 2);
        Tensor y = leaf(new double[] {1, 1, 3, 1}, 2, 2);
        y.amin(new int[0], true).sum().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(1.0 / 3, 1.0 / 3, 0, 1.0 / 3);
    }

    @Test
    void maxAlongADimPicksTheFirstTieAndGivesItTheWholeGradient() {
        Tensor x = leaf(new double[] {1, 3, 3, 2, 2, 1}, 2, 3);
        ValuesIndices m = x.max(1);
        assertThat(m.values().toDoubleArray()).containsExactly(3, 2);
        assertThat(m.indices().toLongArray()).containsExactly(1, 0);
        assertThat(m.indices().dtype()).isEqualTo(DType.INT64);
        assertThat(m.indices().requiresGrad()).isFalse();
        m.values().sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 1, 0, 1, 0, 0);

        ValuesIndices n = Tensor.fromArray(new double[] {1, 3, 3, 2, 1, 1}, 2, 3).min(-1, true);
        assertThat(n.indices().shape()).containsExactly(2, 1);
        assertThat(n.indices().toLongArray()).containsExactly(0, 1);
    }

    @Test
    void argmaxAndArgminReturnTheFirstOccurrence() {
        Tensor x = Tensor.fromArray(new double[] {3, 1, 3, 1, 2, 1}, 2, 3);
        assertThat(x.argmax().item()).isEqualTo(0.0);
        assertThat(x.argmin().item()).isEqualTo(1.0);
        assertThat(x.argmax(1, false).toLongArray()).containsExactly(0, 1);
        assertThat(x.argmin(1, false).toLongArray()).containsExactly(1, 0);
        assertThat(x.argmax(0, true).toLongArray()).containsExactly(0, 1, 0);
        assertThat(x.argmax(0, true).shape()).containsExactly(1, 3);
        assertThat(Tensor.scalar(5.0).argmax().item()).isEqualTo(0.0);
    }

    @Test
    void nanIsTheExtremeValueLikeInPyTorch() {
        Tensor x = Tensor.of(1.0, Double.NaN, 3.0, Double.NaN);
        assertThat(x.max().item()).isNaN();
        assertThat(x.min().item()).isNaN();
        assertThat(x.argmax().item()).isEqualTo(1.0);
        assertThat(x.argmin().item()).isEqualTo(1.0);
        Tensor rows = Tensor.fromArray(new double[] {1, Double.NaN, 3, 4, 5, 6}, 2, 3);
        ValuesIndices m = rows.max(1);
        assertThat(m.values().toDoubleArray()).containsExactly(Double.NaN, 6);
        assertThat(m.indices().toLongArray()).containsExactly(1, 2);
        assertThat(rows.amin(new int[] {1}, false).toDoubleArray()).containsExactly(Double.NaN, 4);
        Tensor y = leaf(new double[] {1, Double.NaN, 3}, 3);
        y.max().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(0, 1, 0);
    }

    @Test
    void boolMaxAlongADimStaysBool() {
        ValuesIndices m = Tensor.fromArray(new boolean[] {false, true, false, false}, 2, 2).max(1);
        assertThat(m.values().dtype()).isEqualTo(DType.BOOL);
        assertThat(m.values().toDoubleArray()).containsExactly(1, 0);
        assertThat(m.indices().toLongArray()).containsExactly(1, 0);
    }

    @Test
    void prodGradientIsTheProductOfTheOthersAlsoAtZeros() {
        Tensor x = leaf(new double[] {0, 2, 3, 0, 0, 1, 4, 5, 0.5}, 3, 3);
        x.prod(1).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(6, 0, 0, 0, 0, 0, 2.5, 2, 20);
        Tensor y = leaf(new double[] {0, 2, 3, -1}, 4);
        y.prod().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(-6, 0, 0, 0);
        assertThat(Tensor.of(2, 3, 4).prod().dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.of(2, 3, 4).prod().item()).isEqualTo(24.0);
    }

    @Test
    void prodHasSecondDerivativesAtZeros() {
        Tensor x = leaf(new double[] {0, 2, 3, 0, 0, 1, 4, 5, 0.5}, 3, 3);
        Tensor g = Autograd.grad(new Tensor[] {x.prod(1).sum()}, new Tensor[] {x}, null, true, true, false)[0];
        assertThat(g.toDoubleArray()).containsExactly(6, 0, 0, 0, 0, 0, 2.5, 2, 20);
        Tensor v = Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
        Tensor gg = Autograd.grad(new Tensor[] {g.mul(v).sum()}, new Tensor[] {x}, null, false, false, false)[0];
        assertThat(gg.toDoubleArray()).containsExactly(12, 3, 2, 5, 4, 0, 49, 39.5, 67);

        Tensor y = leaf(new double[] {0, 2, 3, -1}, 4);
        Tensor h = Autograd.grad(new Tensor[] {y.prod()}, new Tensor[] {y}, null, true, true, false)[0];
        Tensor hh = Autograd.grad(new Tensor[] {h.mul(Tensor.fromArray(new double[] {1, 2, 3, 4}, 4)).sum()},
                new Tensor[] {y}, null, false, false, false)[0];
        assertThat(hh.toDoubleArray()).containsExactly(12, -3, -2, 6);
    }

    @Test
    void varOfOneElementIsNaNUnbiasedAndZeroBiased() {
        assertThat(Tensor.of(5.0).var().item()).isNaN();
        assertThat(Tensor.scalar(5.0).std().item()).isNaN();
        assertThat(Tensor.of(5.0).var(0, false, false).item()).isEqualTo(0.0);
        assertThat(Tensor.fromArray(new double[] {5, 3}, 1, 2).var(0).toDoubleArray()).containsExactly(Double.NaN,
                Double.NaN);
    }

    @Test
    void stdOfAConstantHasZeroGradientNotNaN() {
        Tensor x = leaf(new double[] {2, 2}, 2);
        x.std().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 0);
    }

    @Test
    void normOfZerosHasZeroGradientNotNaN() {
        Tensor x = leaf(new double[] {0, 0}, 2);
        x.norm().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 0);
        Tensor y = leaf(new double[] {0, 1}, 2);
        y.norm(1).backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(0, 1);
        Tensor z = leaf(new double[] {2, -2, 1}, 3);
        z.norm(Double.POSITIVE_INFINITY).backward();
        assertThat(z.grad().toDoubleArray()).containsExactly(0.5, -0.5, 0);
    }

    @Test
    void normOfCountsAndInfinities() {
        Tensor x = Tensor.fromArray(new double[] {1, 0, -2, 0}, 4);
        assertThat(x.norm(0).item()).isEqualTo(2.0);
        assertThat(x.norm(Double.NEGATIVE_INFINITY).item()).isEqualTo(0.0);
        assertThat(x.norm(3).item()).isCloseTo(Math.cbrt(9), within(1e-12));
    }

    @Test
    void logsumexpOfLargeValuesDoesNotOverflow() {
        Tensor x = Tensor.fromArray(new double[] {1000, -1000, 1000, 1000}, 2, 2).requiresGrad_(true);
        Tensor r = x.logsumexp(1);
        assertThat(r.toDoubleArray()).containsExactly(new double[] {1000, 1000 + Math.log(2)}, within(1e-9));
        r.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(new double[] {1, 0, 0.5, 0.5}, within(1e-12));
        Tensor small = Tensor.fromArray(new double[] {-1000, -1000}, 2);
        assertThat(small.logsumexp(0).item()).isCloseTo(-1000 + Math.log(2), within(1e-9));
        assertThat(Tensor.of(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).logsumexp(0).item())
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Tensor.of(1, 2).logsumexp(0).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void zeroDimTensorsReduceOverDimZero() {
        Tensor s = Tensor.scalar(3.0, DType.FLOAT64).requiresGrad_(true);
        ValuesIndices m = s.max(0);
        assertThat(m.values().item()).isEqualTo(3.0);
        assertThat(m.indices().item()).isEqualTo(0.0);
        Tensor total = s.sum(0).add(s.prod(-1)).add(m.values());
        total.backward();
        assertThat(s.grad().item()).isEqualTo(3.0);
    }
}
