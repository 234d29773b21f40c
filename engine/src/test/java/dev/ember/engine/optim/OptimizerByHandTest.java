package dev.ember.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Single steps worked out by hand: parameter p = [1, -2] (float64), gradient g = [0.5, 0.25]
 * set before every step, expected values derived in the comments.
 */
class OptimizerByHandTest {

    /** Runs {@code steps} steps with the fixed gradient; returns p. */
    static double[] run(Function<Tensor, Optimizer> make, int steps) {
        Tensor p = Tensor.fromArray(new double[] {1.0, -2.0}, 2).requiresGrad_(true);
        Optimizer opt = make.apply(p);
        for (int i = 0; i < steps; i++) {
            p.setGrad(Tensor.fromArray(new double[] {0.5, 0.25}, 2));
            opt.step();
        }
        return p.toDoubleArray();
    }

    static void expect(double[] actual, double... expected) {
        assertThat(actual).containsExactly(expected, within(1e-12));
    }

    @Test
    void sgdPlain() {
        // p - 0.1 g = [1 - 0.05, -2 - 0.025]
        expect(run(p -> new SGD(List.of(p), 0.1), 1), 0.95, -2.025);
    }

    @Test
    void sgdMomentumAndWeightDecay() {
        // step 1: d = g + 0.1 p = [0.6, 0.05]; buf = d; p = [1 - 0.06, -2 - 0.005] = [0.94, -2.005]
        expect(run(p -> new SGD(List.of(p), 0.1).momentum(0.9).weightDecay(0.1), 1), 0.94, -2.005);
        // step 2: d = g + 0.1 p = [0.594, 0.0495]; buf = 0.9 [0.6, 0.05] + d = [1.134, 0.0945];
        //         p = [0.94 - 0.1134, -2.005 - 0.00945]
        expect(run(p -> new SGD(List.of(p), 0.1).momentum(0.9).weightDecay(0.1), 2), 0.8266, -2.01445);
    }

    @Test
    void sgdDampening() {
        // step 1: buf = g (no dampening on the first step); p = [0.95, -2.025]
        // step 2: buf = 0.9 g + (1 - 0.5) g = 1.4 g = [0.7, 0.35]; p = [0.95 - 0.07, -2.025 - 0.035]
        expect(run(p -> new SGD(List.of(p), 0.1).momentum(0.9).dampening(0.5), 2), 0.88, -2.06);
    }

    @Test
    void sgdNesterov() {
        // step 1: buf = g; d = g + 0.9 buf = 1.9 g = [0.95, 0.475]; p = [0.905, -2.0475]
        // step 2: buf = 0.9 g + g = 1.9 g; d = g + 0.9 * 1.9 g = 2.71 g = [1.355, 0.6775];
        //         p = [0.905 - 0.1355, -2.0475 - 0.06775]
        expect(run(p -> new SGD(List.of(p), 0.1).momentum(0.9).nesterov(true), 2), 0.7695, -2.11525);
    }

    @Test
    void sgdMaximize() {
        // p + 0.1 g
        expect(run(p -> new SGD(List.of(p), 0.1).maximize(true), 1), 1.05, -1.975);
    }

    @Test
    void adam() {
        // step 1: m = 0.1 g, v = 0.001 g^2; m / (1 - 0.9) = g, sqrt(v / (1 - 0.999)) = |g|;
        //         p -= 0.1 * g / (|g| + 1e-8): [1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 - 0.1 * 0.25 / (0.25 + 1e-8)]
        expect(run(p -> new Adam(List.of(p), 0.1), 1), 1 - 0.1 / (1 + 2e-8), -2 - 0.1 / (1 + 4e-8));
        // With a constant gradient the bias-corrected moments stay g and g^2, so step 2 moves as far again.
        expect(run(p -> new Adam(List.of(p), 0.1), 2), 1 - 0.2 / (1 + 2e-8), -2 - 0.2 / (1 + 4e-8));
    }

    @Test
    void adamL2WeightDecayGoesIntoTheMoments() {
        // step 1: d = g + 0.5 p = [1.0, -0.75]; the update is -0.1 * d / (|d| + 1e-8)
        expect(run(p -> new Adam(List.of(p), 0.1).weightDecay(0.5), 1), 1 - 0.1 / (1 + 1e-8), -2 + 0.1 / (1 + 1e-8 / 0.75));
    }

    @Test
    void adamAmsgradKeepsTheLargestSecondMoment() {
        // Gradients 2, 0.5, 0 (betas 0.5, 0.5 to keep the numbers round), p = [0, 0], lr 1, eps 0.
        // step 1: m = 1, v = 2, vmax = 2; bias corrections 0.5: p = -(1 / 0.5) / sqrt(2 / 0.5) = -1
        // step 2: m = 0.5 + 0.25 = 0.75, v = 1 + 0.125 = 1.125 < vmax = 2; corrections 0.75:
        //         p = -1 - (0.75 / 0.75) / sqrt(2 / 0.75)      (plain Adam: sqrt(1.125 / 0.75))
        // step 3: m = 0.375, v = 0.5625, vmax = 2; corrections 0.875: p -= (0.375 / 0.875) / sqrt(2 / 0.875)
        Tensor p = Tensor.zeros(DType.FLOAT64, 2).requiresGrad_(true);
        Optimizer opt = new Adam(List.of(p), 1.0).betas(0.5, 0.5).eps(0).amsgrad(true);
        double[] grads = {2, 0.5, 0};
        for (double g : grads) {
            p.setGrad(Tensor.full(g, DType.FLOAT64, 2));
            opt.step();
        }
        double expected = -1 - 1 / Math.sqrt(2 / 0.75) - (0.375 / 0.875) / Math.sqrt(2 / 0.875);
        assertThat(p.toDoubleArray()).containsExactly(new double[] {expected, expected}, within(1e-12));
    }

    @Test
    void adamWDecaysTheParameterFirst() {
        // p *= 1 - 0.1 * 0.5 -> [0.95, -1.9]; then the Adam step of test adam()
        expect(run(p -> new AdamW(List.of(p), 0.1).weightDecay(0.5), 1), 0.95 - 0.1 / (1 + 2e-8),
                -1.9 - 0.1 / (1 + 4e-8));
    }

    @Test
    void rmsprop() {
        // v = 0.01 g^2 = [0.0025, 0.000625]; p -= 0.01 * g / (sqrt(v) + 1e-8) = 0.01 * 10 / (1 + eps / (0.1 |g|))
        expect(run(p -> new RMSprop(List.of(p)), 1), 1 - 0.1 / (1 + 2e-7), -2 - 0.1 / (1 + 4e-7));
    }

    @Test
    void rmspropCenteredWithMomentum() {
        // v = 0.01 g^2, gavg = 0.01 g, avg = sqrt(v - gavg^2) + eps = sqrt(0.0099) |g| + 1e-8;
        // buf = g / avg; p -= 0.01 * buf
        double s = Math.sqrt(0.0099);
        expect(run(p -> new RMSprop(List.of(p)).centered(true).momentum(0.9), 1), 1 - 0.01 * 0.5 / (s * 0.5 + 1e-8),
                -2 - 0.01 * 0.25 / (s * 0.25 + 1e-8));
    }

    @Test
    void adagrad() {
        // step 1: sum = g^2; p -= 0.1 g / (|g| + 1e-10) ~ 0.1
        // step 2: sum = 2 g^2; p -= 0.1 g / (sqrt(2) |g| + 1e-10) ~ 0.1 / sqrt(2)
        expect(run(p -> new Adagrad(List.of(p), 0.1), 2), 1 - 0.1 / (1 + 2e-10) - 0.1 / (Math.sqrt(2) + 2e-10),
                -2 - 0.1 / (1 + 4e-10) - 0.1 / (Math.sqrt(2) + 4e-10));
    }

    @Test
    void adagradLrDecayAndInitialAccumulator() {
        // sum starts at 0.75. step 1: sum = 0.75 + g^2 = [1.0, 0.8125], lr 0.1
        // step 2: sum = [1.25, 0.875], lr 0.1 / (1 + 1 * 0.5)
        expect(run(p -> new Adagrad(List.of(p), 0.1).lrDecay(0.5).initialAccumulatorValue(0.75).eps(0), 2),
                1 - 0.1 * 0.5 / 1.0 - 0.1 / 1.5 * 0.5 / Math.sqrt(1.25),
                -2 - 0.1 * 0.25 / Math.sqrt(0.8125) - 0.1 / 1.5 * 0.25 / Math.sqrt(0.875));
    }

    @Test
    void float32ParametersStayFloat32() {
        Tensor p = Tensor.of(1.0, -2.0).requiresGrad_(true);
        Optimizer opt = new Adam(List.of(p), 0.1).amsgrad(true);
        p.setGrad(Tensor.of(0.5, 0.25));
        opt.step();
        assertThat(p.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(((Tensor) opt.state(p).get("exp_avg")).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(p.toFloatArray()).containsExactly(new float[] {0.9f, -2.1f}, within(1e-6f));
    }
}
