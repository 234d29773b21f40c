package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.GradCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Float64 finite-difference checks of the recurrent layers' gradients w.r.t. the input, the initial
 * states and every weight (passed to {@link RNNBase#run(Tensor, Tensor[], List)} in place of the
 * parameters), on tiny two-layer bidirectional networks. The checked function is a fixed random
 * weighting of each result (output, h_n, c_n) summed, so every input element's gradient is checked
 * with one backward pass per result instead of one per output element (minutes otherwise).
 */
class RecurrentGradCheckTest {

    private static Tensor randn(long seed, long... shape) {
        return Tensor.randn(new Generator(seed), shape).to(DType.FLOAT64).requiresGrad_(true);
    }

    /** Inputs: x, the states, then the module's weights (absent biases skipped). */
    private static void check(RNNBase m, Tensor x, Tensor... states) {
        m.to(DType.FLOAT64);
        List<Tensor> inputs = new ArrayList<>(List.of(x));
        inputs.addAll(List.of(states));
        for (Tensor w : m.flatWeights()) {
            inputs.add(w.detach().clone().requiresGrad_(true));
        }
        int fixed = 1 + states.length;
        boolean biased = m.bias();
        assertThat(GradCheck.check(args -> {
            List<Tensor> weights = new ArrayList<>();
            for (int i = fixed; i < args.length; i += biased ? 4 : 2) {
                weights.addAll(Arrays.asList(args[i], args[i + 1], biased ? args[i + 2] : null, biased ? args[i + 3] : null));
            }
            Tensor[] hx = states.length == 0 ? null : Arrays.copyOfRange(args, 1, fixed);
            Tensor[] r = m.run(args[0], hx, weights);
            List<Tensor> sums = new ArrayList<>();
            for (int k = 0; k < r.length; k++) {
                sums.add(r[k].mul(Tensor.randn(new Generator(100 + k), r[k].shape()).to(DType.FLOAT64)).sum());
            }
            return Tensor.stack(sums, 0);
        }, inputs.toArray(new Tensor[0]))).isTrue();
    }

    @Test
    void lstmGradientsMatchFiniteDifferences() {
        check(new LSTM(2, 2, 2, true, false, 0, true), randn(1, 2, 2, 2), randn(2, 4, 2, 2), randn(3, 4, 2, 2));
    }

    @Test
    void gruGradientsMatchFiniteDifferences() {
        check(new GRU(2, 2, 2, true, true, 0, true), randn(4, 2, 2, 2), randn(5, 4, 2, 2));
    }

    @Test
    void unbatchedWithoutBiasMatchesFiniteDifferences() {
        check(new LSTM(2, 3, 2, false, false, 0, false), randn(6, 3, 2));
        check(new GRU(2, 3, 1, false, false, 0, false), randn(7, 3, 2), randn(8, 1, 3));
    }

    @Test
    void cellStepsMatchFiniteDifferences() {
        assertThat(GradCheck.check(a -> Tensor.cat(0, LSTMCell.step(a[0], a[1], a[2], a[3], a[4])),
                randn(10, 2, 8), randn(11, 2, 2), randn(12, 2, 2), randn(13, 8, 2), randn(14, 8))).isTrue();
        assertThat(GradCheck.check(a -> GRUCell.step(a[0], a[1], a[2], a[3]),
                randn(15, 2, 6), randn(16, 2, 2), randn(17, 6, 2), randn(18, 6))).isTrue();
    }
}
