package dev.ember.engine.nn;

import static dev.ember.engine.nn.LossTorchCases.indices;
import static dev.ember.engine.nn.LossTorchCases.ints;
import static dev.ember.engine.nn.LossTorchCases.probs;
import static dev.ember.engine.nn.LossTorchCases.randn;
import static dev.ember.engine.nn.LossTorchCases.set;
import static dev.ember.engine.nn.LossTorchCases.uniform;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Every loss against real PyTorch 1.13 in float64, for every reduction: values and the gradients
 * of the input (and of float targets), through the modules and through {@link Functional}.
 */
class LossesVsTorchTest {
    private static final long IGN = Loss.DEFAULT_IGNORE_INDEX;

    @Test
    void crossEntropyMatchesTorch() {
        LossTorchCases cases = new LossTorchCases();
        Tensor x = randn(1, 4, 5);
        Tensor w = uniform(2, 0.2, 2, 5);
        Tensor t = ints(new long[] {1, 0, 4, 2}, 4);
        Tensor tIgnored = ints(new long[] {1, IGN, 4, IGN}, 4);
        Tensor allIgnored = ints(new long[] {IGN, IGN, IGN, IGN}, 4);
        Tensor xs = randn(3, 2, 3, 4, 4);
        Tensor ts = indices(4, 3, 5, 2, 4, 4);
        Tensor ws = uniform(5, 0.5, 3, 3);
        for (Reduction r : Reduction.values()) {
            String red = "reduction='" + r.pyName() + "'";
            cases.add("ce " + r, "nn.CrossEntropyLoss(" + red + ")(x, t)",
                    m -> new CrossEntropyLoss(r).forward(m.get("x"), m.get("t")))
                .grad("x", x).with("t", t);
            cases.add("ce weight " + r, "nn.CrossEntropyLoss(weight=w, " + red + ")(x, t)",
                    m -> new CrossEntropyLoss(m.get("w"), IGN, r, 0).forward(m.get("x"), m.get("t")))
                .grad("x", x).with("t", t).with("w", w);
            cases.add("ce ignored " + r, "F.cross_entropy(x, t, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0))
                .grad("x", x).with("t", tIgnored);
            cases.add("ce weight ignored " + r, "F.cross_entropy(x, t, weight=w, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0))
                .grad("x", x).with("t", tIgnored).with("w", w);
            cases.add("ce ignore_index=2 " + r, "F.cross_entropy(x, t, weight=w, ignore_index=2, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), 2, r, 0))
                .grad("x", x).with("t", ints(new long[] {2, 0, 2, 3}, 4)).with("w", w);
            cases.add("ce all ignored " + r, "F.cross_entropy(x, t, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0))
                .grad("x", x).with("t", allIgnored);
            cases.add("ce weight all ignored " + r, "F.cross_entropy(x, t, weight=w, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0))
                .grad("x", x).with("t", allIgnored).with("w", w);
            cases.add("ce zero-weight targets " + r, "F.cross_entropy(x, t, weight=w, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0))
                .grad("x", x).with("t", ints(new long[] {0, IGN, 0, IGN}, 4))
                .with("w", set(w, new double[] {0}, 0));
            cases.add("ce smoothing " + r, "nn.CrossEntropyLoss(label_smoothing=0.1, " + red + ")(x, t)",
                    m -> new CrossEntropyLoss(null, IGN, r, 0.1).forward(m.get("x"), m.get("t")))
                .grad("x", x).with("t", tIgnored);
            cases.add("ce smoothing weight " + r, "F.cross_entropy(x, t, weight=w, label_smoothing=0.25, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0.25))
                .grad("x", x).with("t", tIgnored).with("w", w);
            cases.add("ce smoothing zero-weight targets " + r,
                    "F.cross_entropy(x, t, weight=w, label_smoothing=0.2, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0.2))
                .grad("x", x).with("t", ints(new long[] {0, IGN, 0, IGN}, 4))
                .with("w", set(w, new double[] {0}, 0));
            cases.add("ce smoothing 1 " + r, "F.cross_entropy(x, t, label_smoothing=1.0, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 1.0))
                .grad("x", x).with("t", t);
            cases.add("ce smoothing all ignored " + r, "F.cross_entropy(x, t, label_smoothing=0.3, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0.3))
                .grad("x", x).with("t", allIgnored);
            cases.add("ce soft " + r, "nn.CrossEntropyLoss(" + red + ")(x, t)",
                    m -> new CrossEntropyLoss(r).forward(m.get("x"), m.get("t")))
                .grad("x", x).grad("t", probs(6, 1, 4, 5));
            cases.add("ce soft weight smoothing " + r,
                    "F.cross_entropy(x, t, weight=w, label_smoothing=0.2, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0.2))
                .grad("x", x).grad("t", probs(7, 1, 4, 5)).with("w", w);
            cases.add("ce spatial weight " + r, "F.cross_entropy(x, t, weight=w, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0))
                .grad("x", xs).with("t", ts).with("w", ws);
            cases.add("ce spatial smoothing " + r, "F.cross_entropy(x, t, label_smoothing=0.15, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0.15))
                .grad("x", xs).with("t", ts);
            cases.add("ce spatial soft " + r, "F.cross_entropy(x, t, weight=w, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0))
                .grad("x", xs).grad("t", probs(8, 1, 2, 3, 4, 4)).with("w", ws);
            cases.add("ce 3d " + r, "F.cross_entropy(x, t, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0))
                .grad("x", randn(9, 3, 4, 6)).with("t", indices(10, 4, 4, 3, 6));
            cases.add("ce unbatched " + r, "F.cross_entropy(x, t, weight=w, label_smoothing=0.1, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), m.get("w"), IGN, r, 0.1))
                .grad("x", randn(11, 5)).with("t", Tensor.scalar(3L)).with("w", w);
            cases.add("ce unbatched soft " + r, "F.cross_entropy(x, t, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0))
                .grad("x", randn(12, 5)).grad("t", probs(13, 0, 5));
            cases.add("ce empty batch " + r, "F.cross_entropy(x, t, " + red + ")",
                    m -> Functional.crossEntropy(m.get("x"), m.get("t"), null, IGN, r, 0))
                .grad("x", Tensor.zeros(0, 5).to(dev.ember.engine.DType.FLOAT64))
                .with("t", Tensor.zeros(dev.ember.engine.DType.INT64, 0));
        }
        assertThat(cases.size()).isEqualTo(3 * 22);
        cases.check();
    }

    @Test
    void nllLossMatchesTorch() {
        LossTorchCases cases = new LossTorchCases();
        Tensor x = randn(20, 4, 5).logSoftmax(1).detach();
        Tensor w = uniform(21, 0.2, 2, 5);
        // log(0) at classes that are not the target: the loss and its gradient stay finite.
        Tensor xInf = set(x, new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, 0, 7);
        for (Reduction r : Reduction.values()) {
            String red = "reduction='" + r.pyName() + "'";
            cases.add("nll " + r, "nn.NLLLoss(" + red + ")(x, t)",
                    m -> new NLLLoss(r).forward(m.get("x"), m.get("t")))
                .grad("x", x).with("t", ints(new long[] {1, 0, 4, 2}, 4));
            cases.add("nll weight ignored " + r, "nn.NLLLoss(weight=w, " + red + ")(x, t)",
                    m -> new NLLLoss(m.get("w"), IGN, r).forward(m.get("x"), m.get("t")))
                .grad("x", x).with("t", ints(new long[] {1, IGN, 4, 4}, 4)).with("w", w);
            cases.add("nll all ignored " + r, "F.nll_loss(x, t, weight=w, ignore_index=3, " + red + ")",
                    m -> Functional.nllLoss(m.get("x"), m.get("t"), m.get("w"), 3, r))
                .grad("x", x).with("t", ints(new long[] {3, 3, 3, 3}, 4)).with("w", w);
            cases.add("nll zero-weight targets " + r, "F.nll_loss(x, t, weight=w, " + red + ")",
                    m -> Functional.nllLoss(m.get("x"), m.get("t"), m.get("w"), IGN, r))
                .grad("x", x).with("t", ints(new long[] {0, 0, IGN, IGN}, 4))
                .with("w", set(w, new double[] {0}, 0));
            cases.add("nll -inf " + r, "F.nll_loss(x, t, " + red + ")",
                    m -> Functional.nllLoss(m.get("x"), m.get("t"), null, IGN, r))
                .grad("x", xInf).with("t", ints(new long[] {1, 0, 4, 2}, 4));
            cases.add("nll spatial " + r, "F.nll_loss(x, t, weight=w, " + red + ")",
                    m -> Functional.nllLoss(m.get("x"), m.get("t"), m.get("w"), IGN, r))
                .grad("x", randn(22, 2, 5, 2, 3).logSoftmax(1).detach()).with("t", indices(23, 5, 4, 2, 2, 3))
                .with("w", w);
        }
        cases.check();
    }

    @Test
    void regressionLossesMatchTorch() {
        LossTorchCases cases = new LossTorchCases();
        // Exact ties (d = 0) and differences on the smooth-L1/Huber boundaries (|d| = 0.5, 1, 2.5).
        Tensor x = set(randn(30, 3, 4).mul(2), new double[] {0.25, 1.5, -1.0, 3.0, 0.75}, 0, 1, 2, 3, 4);
        Tensor t = set(randn(31, 3, 4), new double[] {0.25, 0.5, 0.0, 0.5, 0.25}, 0, 1, 2, 3, 4);
        for (Reduction r : Reduction.values()) {
            String red = "reduction='" + r.pyName() + "'";
            cases.add("mse " + r, "nn.MSELoss(" + red + ")(x, t)", m -> new MSELoss(r).forward(m.get("x"), m.get("t")))
                .grad("x", x).grad("t", t);
            cases.add("l1 " + r, "F.l1_loss(x, t, " + red + ")", m -> Functional.l1Loss(m.get("x"), m.get("t"), r))
                .grad("x", x).grad("t", t);
            for (double beta : new double[] {1.0, 0.5, 0.0}) {
                cases.add("smooth_l1 beta=" + beta + " " + r, "nn.SmoothL1Loss(beta=" + beta + ", " + red + ")(x, t)",
                        m -> new SmoothL1Loss(r, beta).forward(m.get("x"), m.get("t")))
                    .grad("x", x).grad("t", t);
            }
            for (double delta : new double[] {1.0, 2.5}) {
                cases.add("huber delta=" + delta + " " + r, "F.huber_loss(x, t, delta=" + delta + ", " + red + ")",
                        m -> Functional.huberLoss(m.get("x"), m.get("t"), r, delta))
                    .grad("x", x).grad("t", t);
            }
        }
        cases.check();
    }

    @Test
    void binaryLossesMatchTorch() {
        LossTorchCases cases = new LossTorchCases();
        Tensor p = uniform(40, 0.02, 0.98, 3, 4);
        Tensor y = uniform(41, 0, 1, 3, 4);
        // Saturated probabilities: PyTorch's gradient (x - t) / max(x (1 - x), 1e-12) and clamped logs.
        Tensor pEdge = set(p, new double[] {0, 1, 1, 0, 1e-30}, 0, 1, 2, 3, 4);
        Tensor yEdge = set(y, new double[] {0, 1, 0, 1, 1}, 0, 1, 2, 3, 4);
        Tensor w = uniform(42, 0.5, 2, 4);
        Tensor logits = set(randn(43, 3, 4).mul(3), new double[] {50, -50, 800, -800, 0}, 0, 1, 2, 3, 4);
        Tensor pw = uniform(44, 0.5, 4, 4);
        Tensor rowW = uniform(45, 0.5, 2, 3, 1);
        for (Reduction r : Reduction.values()) {
            String red = "reduction='" + r.pyName() + "'";
            cases.add("bce " + r, "nn.BCELoss(" + red + ")(x, t)", m -> new BCELoss(r).forward(m.get("x"), m.get("t")))
                .grad("x", p).grad("t", y);
            cases.add("bce weight " + r, "nn.BCELoss(weight=w, " + red + ")(x, t)",
                    m -> new BCELoss(m.get("w"), r).forward(m.get("x"), m.get("t")))
                .grad("x", p).grad("t", y).with("w", w);
            cases.add("bce saturated " + r, "F.binary_cross_entropy(x, t, " + red + ")",
                    m -> Functional.binaryCrossEntropy(m.get("x"), m.get("t"), null, r))
                .grad("x", pEdge).grad("t", yEdge);
            cases.add("bce_logits " + r, "nn.BCEWithLogitsLoss(" + red + ")(x, t)",
                    m -> new BCEWithLogitsLoss(r).forward(m.get("x"), m.get("t")))
                .grad("x", logits).grad("t", y);
            cases.add("bce_logits weights " + r, "nn.BCEWithLogitsLoss(weight=w, pos_weight=pw, " + red + ")(x, t)",
                    m -> new BCEWithLogitsLoss(m.get("w"), r, m.get("pw")).forward(m.get("x"), m.get("t")))
                .grad("x", logits).grad("t", yEdge).with("w", rowW).with("pw", pw);
            cases.add("bce_logits pos_weight " + r, "F.binary_cross_entropy_with_logits(x, t, pos_weight=pw, " + red + ")",
                    m -> Functional.binaryCrossEntropyWithLogits(m.get("x"), m.get("t"), null, r, m.get("pw")))
                .grad("x", logits).grad("t", y).with("pw", pw);
        }
        cases.check();
    }
}
