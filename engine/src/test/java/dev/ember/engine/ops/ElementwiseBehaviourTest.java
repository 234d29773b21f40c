package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import dev.ember.engine.nn.Functional;
import org.junit.jupiter.api.Test;

/**
 * What the op-spec rows cannot show with continuous random inputs: ties, kinks, boundaries,
 * NaN/infinity, extreme inputs, dtypes and in-place forms. Expected values are PyTorch 1.13's.
 */
class ElementwiseBehaviourTest {

    private static Tensor leaf(double... v) {
        return Tensor.fromArray(v, v.length).requiresGrad_(true);
    }

    @Test
    void maximumAndMinimumSplitTheGradientOnTies() {
        Tensor a = leaf(1, 1, 3);
        Tensor b = leaf(1, 0, 5);
        a.maximum(b).sum().backward();
        assertThat(a.grad().toDoubleArray()).containsExactly(0.5, 1, 0);
        assertThat(b.grad().toDoubleArray()).containsExactly(0.5, 0, 1);
        Tensor c = leaf(1, 1, 3);
        Tensor d = leaf(1, 0, 5);
        c.minimum(d).sum().backward();
        assertThat(c.grad().toDoubleArray()).containsExactly(0.5, 0, 1);
        assertThat(d.grad().toDoubleArray()).containsExactly(0.5, 1, 0);
    }

    @Test
    void maximumPropagatesNaN() {
        Tensor r = Tensor.of(1.0, Double.NaN, 3.0).maximum(Tensor.of(2.0));
        assertThat(r.toDoubleArray()).containsExactly(2, Double.NaN, 3);
        Tensor s = Tensor.of(1.0, 5.0).minimum(Tensor.of(Double.NaN, 2.0));
        assertThat(s.toDoubleArray()).containsExactly(Double.NaN, 2);
        assertThat(Tensor.of(Double.NaN, 0.5).clamp(0, 1).toDoubleArray()).containsExactly(Double.NaN, 0.5);
    }

    @Test
    void clampPassesTheGradientInsideTheClosedRange() {
        Tensor x = leaf(0, 1, 1.5, 2, 3);
        x.clamp(1, 2).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 1, 1, 1, 0);
        Tensor y = leaf(0, 1, 2);
        y.clampMin(1).sum().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(0, 1, 1);
        Tensor z = leaf(0, 1, 2);
        z.clampMax(1).sum().backward();
        assertThat(z.grad().toDoubleArray()).containsExactly(1, 1, 0);
    }

    @Test
    void clampWithMinAboveMaxGivesMax() {
        assertThat(Tensor.of(1.0, 5.0).clamp(3, 2).toDoubleArray()).containsExactly(2, 2);
    }

    @Test
    void clampOfIntsAndBoolsPromotesLikePyTorch() {
        assertThat(Tensor.of(1, 4).clamp(0, 2).dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.of(1, 4).clamp(0, 2).toLongArray()).containsExactly(1, 2);
        assertThat(Tensor.of(1, 4).clamp(0.5, 2).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of(true, false).clamp(0, 1).dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void roundingHasZeroGradientAndRoundsHalvesToEven() {
        assertThat(Tensor.of(0.5, 1.5, 2.5, -0.5, -1.5).round().toDoubleArray()).containsExactly(0, 2, 2, -0.0, -2);
        Tensor x = leaf(0.3, 1.7);
        x.floor().add(x.ceil()).add(x.round()).add(x.sign()).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 0);
        assertThat(Tensor.of(3, -2).floor().dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.of(3, -2).round().toLongArray()).containsExactly(3, -2);
    }

    @Test
    void reluAndAbsHaveZeroGradientAtZero() {
        Tensor x = leaf(-1, 0, 2);
        x.relu().sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 0, 1);
        Tensor y = leaf(-1, 0, 2);
        y.abs().sum().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(-1, 0, 1);
    }

    @Test
    void floatingFunctionsPromoteInts() {
        assertThat(Tensor.of(1, 4).sqrt().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of(1, 4).sqrt().toDoubleArray()).containsExactly(1, 2);
        assertThat(Tensor.of(1, 2).sigmoid().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensor.of(-1, 4).abs().dtype()).isEqualTo(DType.INT64);
        assertThat(Tensor.of(-1, 4).relu().toLongArray()).containsExactly(0, 4);
        assertThat(Tensor.of(2, 3).square().dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void nanAndInfinityAreClassified() {
        Tensor x = Tensor.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0);
        assertThat(x.isnan().toDoubleArray()).containsExactly(1, 0, 0, 0);
        assertThat(x.isinf().toDoubleArray()).containsExactly(0, 1, 1, 0);
        assertThat(x.isnan().dtype()).isEqualTo(DType.BOOL);
        assertThat(Tensor.of(1, 2).isnan().toDoubleArray()).containsExactly(0, 0);
        assertThat(Tensor.of(1, 2).isinf().dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void logicalOpsTreatNonzeroAndNaNAsTrue() {
        Tensor x = Tensor.of(0.0, 2.0, Double.NaN, 0.0);
        Tensor y = Tensor.of(1, 0, 1, 0);
        assertThat(x.logicalAnd(y).toDoubleArray()).containsExactly(0, 0, 1, 0);
        assertThat(x.logicalOr(y).toDoubleArray()).containsExactly(1, 1, 1, 0);
        assertThat(x.logicalXor(y).toDoubleArray()).containsExactly(1, 1, 0, 0);
        assertThat(x.logicalNot().toDoubleArray()).containsExactly(1, 0, 0, 1);
        assertThat(x.logicalNot().dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void softmaxOfLargeInputsDoesNotOverflow() {
        Tensor x = Tensor.fromArray(new double[] {1000, 1000, 999}, 3).requiresGrad_(true);
        Tensor p = x.softmax(0);
        double z = 2 + Math.exp(-1);
        assertThat(p.toDoubleArray()).containsExactly(new double[] {1 / z, 1 / z, Math.exp(-1) / z}, within(1e-15));
        Tensor lp = Tensor.fromArray(new double[] {1000, 1000, 999}, 3).logSoftmax(0);
        assertThat(lp.toDoubleArray()).containsExactly(new double[] {-Math.log(z), -Math.log(z), -1 - Math.log(z)},
                within(1e-12));
        p.mul(Tensor.fromArray(new double[] {1, 2, 3}, 3)).sum().backward();
        for (double g : x.grad().toDoubleArray()) {
            assertThat(g).isFinite();
        }
        Tensor f32 = Tensor.of(-1000.0, 1000.0).softmax(0);
        assertThat(f32.toDoubleArray()).containsExactly(0, 1);
        assertThat(Tensor.of(-1000.0, 1000.0).logSoftmax(0).toDoubleArray()).containsExactly(-2000, 0);
    }

    @Test
    void softmaxOfAScalarIsOne() {
        assertThat(Tensor.scalar(3.0).softmax(0).item()).isEqualTo(1.0);
        assertThat(Tensor.scalar(3.0).logSoftmax(-1).item()).isEqualTo(0.0);
    }

    @Test
    void saturatingActivationsStayFinite() {
        Tensor x = leaf(-1000, 0, 1000);
        x.sigmoid().sum().backward();
        assertThat(x.sigmoid().toDoubleArray()).containsExactly(0, 0.5, 1);
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 0.25, 0);
        Tensor y = leaf(-100, 0, 100);
        Tensor sp = y.softplus();
        sp.sum().backward();
        assertThat(sp.toDoubleArray()).containsExactly(new double[] {3.720075976020836e-44, Math.log(2), 100},
                within(1e-15));
        assertThat(y.grad().toDoubleArray()).containsExactly(new double[] {3.720075976020836e-44, 0.5, 1}, within(1e-15));
        Tensor z = leaf(-50, 50);
        z.tanh().add(z.elu()).add(z.gelu()).sum().backward();
        for (double g : z.grad().toDoubleArray()) {
            assertThat(g).isFinite();
        }
    }

    @Test
    void activationsHaveSecondDerivatives() {
        // d2/dx2 tanh = -2 tanh (1 - tanh^2); d2/dx2 sigmoid = s (1 - s) (1 - 2 s)
        double v = 0.7;
        Tensor x = Tensor.scalar(v, DType.FLOAT64).requiresGrad_(true);
        Tensor g = Autograd.grad(new Tensor[] {x.tanh()}, new Tensor[] {x}, null, true, true, false)[0];
        double t = Math.tanh(v);
        assertThat(Autograd.grad(new Tensor[] {g}, new Tensor[] {x}, null, false, false, false)[0].item())
                .isCloseTo(-2 * t * (1 - t * t), within(1e-12));
        Tensor h = Autograd.grad(new Tensor[] {Functional.sigmoid(x)}, new Tensor[] {x}, null, true, true, false)[0];
        double s = 1 / (1 + Math.exp(-v));
        assertThat(Autograd.grad(new Tensor[] {h}, new Tensor[] {x}, null, false, false, false)[0].item())
                .isCloseTo(s * (1 - s) * (1 - 2 * s), within(1e-12));
    }

    @Test
    void inPlaceClampAndReluWriteIntoTheTensorAndKeepTheGraph() {
        Tensor plain = Tensor.of(-2.0, 0.5, 3.0);
        long before = plain.version();
        assertThat(plain.clamp_(-1, 1)).isSameAs(plain);
        assertThat(plain.toDoubleArray()).containsExactly(-1, 0.5, 1);
        assertThat(plain.relu_().toDoubleArray()).containsExactly(0, 0.5, 1);
        assertThat(plain.version()).isEqualTo(before + 2);

        Tensor x = leaf(-2, 0.5, 3);
        Tensor y = x.mul(2.0);
        y.clamp_(-1, 2).relu_();
        assertThat(y.toDoubleArray()).containsExactly(0, 1, 2);
        assertThat(y.gradFn().name()).isEqualTo("ReluBackward0");
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 2, 0);
    }
}
