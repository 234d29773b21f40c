package dev.ember.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The acceptance program of the foundation issue: the classic first TF->PyTorch exercise. */
class ExerciseOneTest {

    @Test
    void sixToTheFifthAndItsGradients() {
        Tensor x = Tensor.scalar(2f).requiresGrad_(true);
        Tensor y = Tensor.scalar(3f).requiresGrad_(true);
        Tensor op1 = x.add(y);
        Tensor op2 = x.mul(y);
        Tensor op3 = op2.pow(op1);
        op3.backward();
        assertThat(op3.item()).isEqualTo(7776.0);
        assertThat(x.grad().item()).isCloseTo(33372.72, within(0.01));
        assertThat(y.grad().item()).isCloseTo(26892.72, within(0.01));
        assertThat(op3.gradFn().name()).isEqualTo("PowBackward1");
        assertThat(op3.gradFn().nextFunctions()).hasSize(2);
        assertThat(op3.toString()).isEqualTo("tensor(7776., grad_fn=<PowBackward1>)");
        assertThat(x.toString()).isEqualTo("tensor(2., requires_grad=True)");
    }
}
