package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Bad targets and settings give errors that say what was expected. */
class LossErrorsTest {
    private final Tensor logits = Tensor.randn(4, 3);

    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    @Test
    void classIndexOutOfRangeNamesTheIndexAndTheClassCount() {
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, longs(0, 2, 7, 1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("target class index 7")
            .hasMessageContaining("out of range for 3 classes")
            .hasMessageContaining("0 <= index < 3")
            .hasMessageContaining("ignoreIndex (-100)");
        assertThatThrownBy(() -> Functional.nllLoss(logits, longs(0, -1, 2, 1)))
            .hasMessageStartingWith("nllLoss: target class index -1")
            .hasMessageContaining("3 classes");
        // The ignore index itself is fine anywhere, even outside [0, C).
        assertThat(Functional.nllLoss(logits, longs(0, -100, 2, 1)).dim()).isZero();
        assertThatThrownBy(() -> Functional.crossEntropy(logits, longs(0, -100, 3, 1), null, 5, Reduction.MEAN, 0))
            .hasMessageContaining("target class index -100");
    }

    @Test
    void oneHotTargetIsRecognised() {
        Tensor oneHot = Tensor.fromArray(new long[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0}, 4, 3);
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, oneHot))
            .hasMessageContaining("looks like one-hot: pass class indices, e.g. target.argmax(1)")
            .hasMessageContaining("int64 target of shape [4]")
            .hasMessageContaining("got int64 target of shape [4, 3]");
        assertThatThrownBy(() -> new NLLLoss().forward(logits, oneHot.to(DType.FLOAT32)))
            .hasMessageContaining("looks like one-hot: pass class indices, e.g. target.argmax(1)");
        assertThatThrownBy(() -> new NLLLoss().forward(logits, oneHot.to(DType.INT32)))
            .hasMessageContaining("looks like one-hot");
        // The suggested fix works.
        assertThat(new CrossEntropyLoss().forward(logits, oneHot.argmax(1, false)).dim()).isZero();
        // Same shape but not one-hot: the expected shape, and why probabilities do not apply.
        Tensor notOneHot = Tensor.fromArray(new long[] {0, 2, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1}, 4, 3);
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, notOneHot))
            .hasMessageContaining("int64 target of shape [4]")
            .hasMessageContaining("class probabilities must be floating-point")
            .hasMessageNotContaining("one-hot");
    }

    @Test
    void floatTargetsWhereIndicesAreExpected() {
        Tensor floats = Tensor.of(0.0, 2.0, 1.0, 1.0);
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, floats))
            .hasMessageContaining("crossEntropy expects class indices: an int64 target of shape [4] with values in [0, 3)")
            .hasMessageContaining("or class probabilities: a floating-point target of the input's shape [4, 3]")
            .hasMessageContaining("got float32 target of shape [4]")
            .hasMessageContaining("convert with target.to(DType.INT64)");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, Tensor.of(0.5, 2.0, 1.0, 1.0)))
            .hasMessageContaining("got float32 target of shape [4]")
            .hasMessageNotContaining("convert with");
        assertThatThrownBy(() -> new NLLLoss().forward(logits, Tensor.rand(4, 3)))
            .hasMessageStartingWith("nllLoss expects class indices")
            .hasMessageNotContaining("probabilities");
        // Class probabilities of the input's shape are accepted by crossEntropy, not with a non-negative ignoreIndex.
        assertThat(new CrossEntropyLoss().forward(logits, Tensor.rand(4, 3).softmax(1)).dim()).isZero();
        assertThatThrownBy(() -> Functional.crossEntropy(logits, Tensor.rand(4, 3), null, 0, Reduction.MEAN, 0))
            .hasMessageContaining("ignoreIndex (0) is not supported with class-probability targets");
    }

    @Test
    void boolTargetsAreRefused() {
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, Tensor.of(true, false, true, true)))
            .hasMessageContaining("int64 target of shape [4]")
            .hasMessageContaining("got bool target of shape [4] (bool is not a class index type)");
        assertThatThrownBy(() -> new BCELoss().forward(Tensor.rand(4), Tensor.of(true, false, true, true)))
            .hasMessageContaining("binaryCrossEntropy expects a floating-point target, got bool");
        assertThatThrownBy(() -> new MSELoss().forward(Tensor.rand(4), Tensor.of(1, 2, 3, 4)))
            .hasMessageContaining("mseLoss expects a floating-point target, got int64");
    }

    @Test
    void shapeMismatches() {
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, longs(0, 1, 2)))
            .hasMessage("crossEntropy: input batch size 4 does not match target batch size 3 (input [4, 3], target [3])");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits, Tensor.fromArray(new long[] {0, 1, 2, 1}, 4, 1)))
            .hasMessageContaining("drop the trailing dimension of size 1: target.reshape(4)");
        Tensor image = Tensor.randn(2, 3, 4, 4);
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(image, Tensor.zeros(DType.INT64, 2, 4, 5)))
            .hasMessage("crossEntropy: target spatial dims [4, 5] do not match the input's [4, 4] (input [2, 3, 4, 4] "
                    + "is (N, C, d1, ...), so the target must be [2, 4, 4], got [2, 4, 5])");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(image, Tensor.zeros(DType.INT64, 2, 16)))
            .hasMessageContaining("int64 target of shape [2, 4, 4]")
            .hasMessageContaining("got int64 target of shape [2, 16]");
        assertThatThrownBy(() -> new MSELoss().forward(Tensor.rand(4, 1), Tensor.rand(4)))
            .hasMessageStartingWith("mseLoss: target shape [4] must equal the input shape [4, 1]");
        assertThatThrownBy(() -> new BCEWithLogitsLoss().forward(Tensor.rand(4, 1), Tensor.rand(4)))
            .hasMessageStartingWith("binaryCrossEntropyWithLogits: target shape [4] must equal the input shape [4, 1]");
        assertThatThrownBy(() -> new BCELoss().forward(Tensor.rand(4, 1), Tensor.rand(4)))
            .hasMessage("binaryCrossEntropy: target shape [4] must equal the input shape [4, 1]");
    }

    @Test
    void wrongInputRankAndDtype() {
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(Tensor.scalar(1.0), Tensor.scalar(0L)))
            .hasMessage("crossEntropy expects input of rank >= 1: (C), (N, C) or (N, C, d1, ...), got []");
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(Tensor.zeros(DType.INT64, 4, 3), longs(0, 1, 2, 1)))
            .hasMessageContaining("crossEntropy expects a floating-point input, got int64");
    }

    @Test
    void badWeightsAndSettings() {
        assertThatThrownBy(() -> new CrossEntropyLoss(Tensor.ones(2)).forward(logits, longs(0, 1, 2, 1)))
            .hasMessage("crossEntropy: weight must be a 1-D tensor of one weight per class (3 classes), got shape [2]");
        assertThatThrownBy(() -> new CrossEntropyLoss(1.5))
            .hasMessage("CrossEntropyLoss: labelSmoothing must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Functional.crossEntropy(logits, longs(0, 1, 2, 1), null, -100, Reduction.MEAN, -0.1))
            .hasMessage("crossEntropy: labelSmoothing must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> new SmoothL1Loss(-1)).hasMessage("SmoothL1Loss: beta must be >= 0, got -1.0");
        assertThatThrownBy(() -> new HuberLoss(0)).hasMessage("HuberLoss: delta must be > 0, got 0.0");
        assertThatThrownBy(() -> new BCEWithLogitsLoss(null, Reduction.MEAN, Tensor.ones(5))
                .forward(Tensor.rand(2, 3), Tensor.rand(2, 3)))
            .hasMessage("binaryCrossEntropyWithLogits: posWeight of shape [5] does not broadcast to the input shape [2, 3]");
        assertThatThrownBy(() -> new BCELoss(Tensor.ones(2, 2, 3), Reduction.MEAN)
                .forward(Tensor.rand(2, 3), Tensor.rand(2, 3)))
            .hasMessage("binaryCrossEntropy: weight of shape [2, 2, 3] does not broadcast to the input shape [2, 3]");
        assertThatThrownBy(() -> Reduction.of("avg")).hasMessage("reduction must be 'none', 'mean' or 'sum', got 'avg'");
    }

    @Test
    void bceNeedsProbabilities() {
        assertThatThrownBy(() -> new BCELoss().forward(Tensor.of(0.5f, 1.5f), Tensor.of(0f, 1f)))
            .hasMessage("binaryCrossEntropy: all elements of input should be probabilities in [0, 1], got 1.5 at flat "
                    + "index 1 (pass raw scores to binaryCrossEntropyWithLogits instead)");
        assertThatThrownBy(() -> new BCELoss().forward(Tensor.of(0.5f, Float.NaN), Tensor.of(0f, 1f)))
            .hasMessageContaining("got NaN at flat index 1");
    }

    @Test
    void aLossNeedsInputAndTarget() {
        assertThatThrownBy(() -> new CrossEntropyLoss().forward(logits))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("CrossEntropyLoss is a loss and needs (input, target): call forward(input, target)");
    }
}
