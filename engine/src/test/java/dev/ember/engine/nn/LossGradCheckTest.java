package dev.ember.engine.nn;

import static dev.ember.engine.nn.LossTorchCases.indices;
import static dev.ember.engine.nn.LossTorchCases.probs;
import static dev.ember.engine.nn.LossTorchCases.randn;
import static dev.ember.engine.nn.LossTorchCases.uniform;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.GradCheck;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Float64 finite-difference gradchecks of every loss, for each reduction, with respect to the
 * input and (where it is real-valued) the target. Inputs keep away from the kinks of L1, smooth L1
 * and Huber, where finite differences are meaningless.
 */
class LossGradCheckTest {
    private static final long IGN = Loss.DEFAULT_IGNORE_INDEX;

    private static void check(Function<Tensor[], Tensor> loss, Tensor... inputs) {
        for (Tensor t : inputs) {
            if (t.dtype().isFloatingPoint()) {
                t.requiresGrad_(true);
            }
        }
        assertThat(GradCheck.check(loss, inputs)).isTrue();
    }

    /** Values whose distances to {@code t} are all in (0.3, 0.7) or above 1.3 in magnitude: away from 0, 1 and 1.5. */
    private static Tensor awayFromKinks(Tensor t, long seed) {
        Tensor u = uniform(seed, 0, 1, t.shape());
        double[] a = u.toDoubleArray();
        double[] b = t.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            double mag = a[i] < 0.5 ? 0.3 + 0.8 * a[i] : 1.7 + a[i];
            b[i] += (i % 2 == 0 ? 1 : -1) * mag;
        }
        return Tensor.fromArray(b, t.shape());
    }

    @Test
    void crossEntropy() {
        Tensor w = uniform(1, 0.5, 2, 4);
        for (Reduction r : Reduction.values()) {
            Tensor t = Tensor.fromArray(new long[] {1, IGN, 3}, 3);
            check(in -> Functional.crossEntropy(in[0], t, null, IGN, r, 0), randn(2, 3, 4));
            check(in -> Functional.crossEntropy(in[0], t, w, IGN, r, 0.2), randn(3, 3, 4));
            check(in -> Functional.crossEntropy(in[0], indices(4, 4, 3, 2, 2), w, IGN, r, 0.1), randn(5, 2, 4, 2));
            // Class probabilities: the target is differentiable too.
            check(in -> Functional.crossEntropy(in[0], in[1], w, IGN, r, 0.3), randn(6, 3, 4), probs(7, 1, 3, 4));
        }
    }

    @Test
    void nllLoss() {
        Tensor w = uniform(10, 0.5, 2, 4);
        for (Reduction r : Reduction.values()) {
            check(in -> new NLLLoss(w, IGN, r).forward(in[0], Tensor.fromArray(new long[] {0, 3, IGN}, 3)),
                    randn(11, 3, 4));
            check(in -> Functional.nllLoss(in[0], indices(12, 4, 3, 2, 3), null, IGN, r), randn(13, 2, 4, 3));
        }
    }

    @Test
    void regressionLosses() {
        Tensor t = randn(20, 3, 4);
        Tensor x = awayFromKinks(t, 21);
        for (Reduction r : Reduction.values()) {
            check(in -> new MSELoss(r).forward(in[0], in[1]), x.detach(), t.detach());
            check(in -> new L1Loss(r).forward(in[0], in[1]), x.detach(), t.detach());
            check(in -> new SmoothL1Loss(r, 1.5).forward(in[0], in[1]), x.detach(), t.detach());
            check(in -> new SmoothL1Loss(r, 0).forward(in[0], in[1]), x.detach(), t.detach());
            check(in -> new HuberLoss(r, 1.5).forward(in[0], in[1]), x.detach(), t.detach());
        }
    }

    @Test
    void binaryLosses() {
        Tensor w = uniform(30, 0.5, 2, 4);
        Tensor pw = uniform(31, 0.5, 3, 4);
        for (Reduction r : Reduction.values()) {
            check(in -> new BCELoss(w, r).forward(in[0], in[1]), uniform(32, 0.05, 0.95, 3, 4),
                    uniform(33, 0, 1, 3, 4));
            check(in -> new BCEWithLogitsLoss(w, r, pw).forward(in[0], in[1]), randn(34, 3, 4).mul(3),
                    uniform(35, 0, 1, 3, 4));
            check(in -> Functional.binaryCrossEntropyWithLogits(in[0], in[1], null, r, null), randn(36, 5),
                    uniform(37, 0, 1, 5));
        }
    }
}
