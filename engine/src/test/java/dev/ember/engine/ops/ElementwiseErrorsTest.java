package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import org.junit.jupiter.api.Test;

/** Bad input to elementwise ops and activations: clear errors naming the op, never a wrong answer. */
class ElementwiseErrorsTest {

    @Test
    void boolArithmeticIsRefused() {
        Tensor b = Tensor.of(true, false);
        assertThatThrownBy(() -> b.add(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add: arithmetic on bool tensors is not supported");
        assertThatThrownBy(() -> b.maximum(b)).hasMessageContaining("maximum: arithmetic on bool tensors");
        assertThatThrownBy(b::abs).hasMessage("abs: not supported for bool tensors");
        assertThatThrownBy(b::relu).hasMessage("relu: not supported for bool tensors");
    }

    @Test
    void binaryShapesMustBroadcast() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.maximum(Tensor.zeros(4)))
                .hasMessage("maximum: shapes [2, 3] and [4] are not broadcastable (size 3 vs 4 at dimension 1)");
        assertThatThrownBy(() -> a.minimum(Tensor.zeros(3, 3)))
                .hasMessageStartingWith("minimum: shapes [2, 3] and [3, 3] are not broadcastable");
        assertThatThrownBy(() -> a.logicalAnd(Tensor.zeros(2)))
                .hasMessageStartingWith("logicalAnd: shapes [2, 3] and [2] are not broadcastable");
    }

    @Test
    void softmaxDimMustBeInRange() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.softmax(2))
                .hasMessage("softmax: dim 2 is out of range for a tensor of rank 2 (expected -2..1)");
        assertThatThrownBy(() -> Functional.logSoftmax(a, -3))
                .hasMessage("logSoftmax: dim -3 is out of range for a tensor of rank 2 (expected -2..1)");
    }

    @Test
    void softmaxNeedsFloatingInput() {
        assertThatThrownBy(() -> Tensor.of(1, 2, 3).softmax(0))
                .hasMessage("softmax expects a floating-point input, got int64 (convert with .to(DType.FLOAT32))");
        assertThatThrownBy(() -> Tensor.of(1, 2, 3).logSoftmax(0)).hasMessageStartingWith("logSoftmax expects");
    }

    @Test
    void geluApproximationIsNamed() {
        assertThatThrownBy(() -> Tensor.zeros(2).gelu("fast"))
                .hasMessage("gelu: approximate must be \"none\" or \"tanh\", got \"fast\"");
    }

    @Test
    void inPlaceClampCannotTurnIntsIntoFloats() {
        Tensor ints = Tensor.of(1, 5, 9);
        assertThatThrownBy(() -> ints.clamp_(0.5, 2))
                .hasMessage("clamp_: result type float32 can't be cast to the desired output type int64");
        assertThat(ints.toLongArray()).containsExactly(1, 5, 9);
    }

    @Test
    void inPlaceActivationOnALeafThatRequiresGradIsRefused() {
        Tensor w = Tensor.zeros(3).requiresGrad_(true);
        assertThatThrownBy(w::relu_).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("relu_: a leaf tensor that requires grad is being used in an in-place operation");
        assertThatThrownBy(() -> w.clamp_(0, 1)).hasMessageStartingWith("clamp_: a leaf tensor that requires grad");
    }

    @Test
    void inPlaceChangeOfASavedOutputFailsBackward() {
        Tensor x = Tensor.of(-1.0, 2.0).requiresGrad_(true);
        Tensor y = x.sigmoid();
        y.relu_();
        assertThatThrownBy(() -> y.sum().backward()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modified by an inplace operation")
                .hasMessageContaining("saved by SigmoidBackward0");
    }
}
