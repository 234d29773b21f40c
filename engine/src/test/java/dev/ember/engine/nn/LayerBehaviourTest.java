package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Layer behaviour PyTorch cannot check value for value: random dropout masks, sharing, modes and options. */
class LayerBehaviourTest {

    @Test
    void classicLabNetworkPrintsLikePyTorch() {
        // torch 1.13's print(net) of the same network (LayersVsTorchTest checks it live where torch is installed)
        Module net = new Sequential(new Conv2d(3, 5, 3, 1, 1), new ReLU(), new MaxPool2d(3, 2, 1), new Flatten(),
                new Linear(1280, 128), new ReLU(), new Linear(128, 10));
        assertThat(net.toString()).isEqualTo(String.join("\n",
                "Sequential(",
                "  (0): Conv2d(3, 5, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
                "  (1): ReLU()",
                "  (2): MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)",
                "  (3): Flatten(start_dim=1, end_dim=-1)",
                "  (4): Linear(in_features=1280, out_features=128, bias=True)",
                "  (5): ReLU()",
                "  (6): Linear(in_features=128, out_features=10, bias=True)",
                ")"));
        assertThat(net.forward(Tensor.randn(2, 3, 32, 32)).shape()).containsExactly(2, 10);
    }

    @Test
    void dropoutInTrainingZeroesAboutPAndScalesTheRest() {
        Ember.manualSeed(5);
        Dropout d = new Dropout(0.3);
        Tensor x = Tensor.rand(100, 100).add(1).requiresGrad_(true);
        Tensor y = d.forward(x);
        y.sum().backward();
        double[] xs = x.detach().toDoubleArray();
        double[] ys = y.detach().toDoubleArray();
        double[] gs = x.grad().toDoubleArray();
        int zeros = 0;
        for (int i = 0; i < xs.length; i++) {
            if (ys[i] == 0) {
                zeros++;
                assertThat(gs[i]).isZero();
            } else {
                assertThat(ys[i]).isCloseTo(xs[i] / 0.7, within(1e-5));
                assertThat(gs[i]).isCloseTo(1 / 0.7, within(1e-6));
            }
        }
        // 10,000 Bernoulli(0.3) draws: standard deviation 46
        assertThat(zeros).isBetween(2800, 3200);
    }

    @Test
    void dropoutRepeatsUnderTheSameSeedAndIsIdentityInEval() {
        Tensor x = Tensor.randn(8, 8);
        Dropout d = new Dropout();
        Ember.manualSeed(9);
        double[] a = d.forward(x).toDoubleArray();
        Ember.manualSeed(9);
        double[] b = d.forward(x).toDoubleArray();
        double[] c = d.forward(x).toDoubleArray();
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        d.eval();
        assertThat(d.forward(x).toDoubleArray()).isEqualTo(x.toDoubleArray());
        for (double v : new Dropout(1.0).forward(x).toDoubleArray()) {
            assertThat(v == 0).isTrue();
        }
    }

    @Test
    void embeddingPaddingRowGetsNoGradientAndPretrainedSharesStorage() {
        Embedding e = new Embedding(6, 2, 4);
        e.forward(Tensor.of(4L, 1L, 4L)).sum().backward();
        double[] g = e.weight().grad().toDoubleArray();
        assertThat(new double[] {g[8], g[9]}).containsOnly(0.0);
        assertThat(new double[] {g[2], g[3]}).containsOnly(1.0);

        Tensor table = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Embedding frozen = Embedding.fromPretrained(table);
        assertThat(frozen.weight().requiresGrad()).isFalse();
        assertThat(frozen.parameters()).hasSize(1);
        assertThat(frozen.forward(Tensor.of(2L, 0L)).toFloatArray()).containsExactly(5, 6, 1, 2);
        table.mul_(10);
        assertThat(frozen.forward(Tensor.of(1L)).toFloatArray()).containsExactly(30, 40);
        Embedding trained = Embedding.fromPretrained(Tensor.ones(3, 2), false, -1);
        assertThat(trained.weight().requiresGrad()).isTrue();
        assertThat(trained.paddingIdx()).isEqualTo(2);
        assertThat(trained.weight().select(0, 2).toFloatArray()).containsExactly(1, 1);
        assertThat(trained.toString()).isEqualTo("Embedding(3, 2, padding_idx=2)");
    }

    @Test
    void batchNormStatisticsFollowTheMode() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, 0.5);
        Tensor x = Tensor.of(new float[][] {{1, 10}, {3, 30}});
        bn.forward(x);
        assertThat(bn.runningMean().toFloatArray()).containsExactly(1f, 10f);
        // unbiased batch variance: 2 and 200
        assertThat(bn.runningVar().toFloatArray()).containsExactly(1.5f, 100.5f);
        assertThat(bn.numBatchesTracked().dtype()).isEqualTo(DType.INT64);
        assertThat(bn.numBatchesTracked().item()).isEqualTo(1);
        bn.eval();
        bn.forward(x);
        assertThat(bn.numBatchesTracked().item()).isEqualTo(1);
        assertThat(bn.runningMean().toFloatArray()).containsExactly(1f, 10f);
        bn.resetRunningStats();
        assertThat(bn.runningMean().toFloatArray()).containsExactly(0f, 0f);
        assertThat(bn.runningVar().toFloatArray()).containsExactly(1f, 1f);
        assertThat(bn.numBatchesTracked().item()).isZero();

        BatchNorm2d untracked = new BatchNorm2d(2, 1e-5, 0.1, true, false);
        assertThat(untracked.runningMean()).isNull();
        assertThat(untracked.buffers()).isEmpty();
        untracked.eval();
        Tensor y = untracked.forward(Tensor.randn(3, 2, 4, 4).mul(5).add(2));
        // no running statistics: evaluation normalises with the batch's own
        assertThat(y.mean().item()).isCloseTo(0, within(1e-5));
    }

    @Test
    void toDoubleConvertsRunningStatsButNotTheCounter() {
        BatchNorm2d bn = new BatchNorm2d(3);
        bn.to(DType.FLOAT64);
        assertThat(bn.runningMean().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(bn.runningVar().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(bn.weight().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(bn.numBatchesTracked().dtype()).isEqualTo(DType.INT64);
        assertThat(bn.forward(Tensor.randn(2, 3, 2, 2).to(DType.FLOAT64)).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void unbatchedInputsGiveTheBatchedResultWithoutTheBatchDimension() {
        Tensor x = Tensor.randn(3, 7, 6);
        for (Module m : new Module[] {new Conv2d(3, 4, 3, 1, 1), new ConvTranspose2d(3, 2, 2, 2, 0),
            new MaxPool2d(3, 2, 1), new AvgPool2d(2), new AdaptiveAvgPool2d(2, 3)}) {
            Tensor batched = m.forward(x.unsqueeze(0));
            Tensor single = m.forward(x);
            assertThat(single.dim()).as(m.toString()).isEqualTo(3);
            assertThat(single.allClose(batched.squeeze(0), 0, 0)).as(m.toString()).isTrue();
        }
        Conv1d c = new Conv1d(3, 5, 2);
        assertThat(c.forward(Tensor.randn(3, 9)).shape()).containsExactly(5, 8);
    }

    @Test
    void samePaddingKeepsTheSizeAndTransposedOutputSizeIsHonoured() {
        Conv2d same = new Conv2d(2, 3, new int[] {4, 5}, ConvOptions.defaults().padding("same").dilation(2, 1));
        assertThat(same.forward(Tensor.randn(1, 2, 9, 8)).shape()).containsExactly(1, 3, 9, 8);
        assertThat(same.padding()).containsExactly(0, 0);
        assertThat(same.paddingString()).isEqualTo("same");
        ConvTranspose2d up = new ConvTranspose2d(2, 2, 3, 2, 1);
        assertThat(up.forward(Tensor.randn(1, 2, 4, 4)).shape()).containsExactly(1, 2, 7, 7);
        assertThat(up.forward(Tensor.randn(1, 2, 4, 4), new long[] {8, 7}).shape()).containsExactly(1, 2, 8, 7);
        assertThat(up.forward(Tensor.randn(2, 4, 4), new long[] {2, 8, 8}).shape()).containsExactly(2, 8, 8);
    }

    @Test
    void convOptionsAreImmutableValues() {
        ConvOptions base = ConvOptions.defaults();
        ConvOptions changed = base.padding(1).stride(2).bias(false);
        assertThat(base.toString()).isEqualTo("ConvOptions(stride=[1], padding=[0], dilation=[1], "
                + "output_padding=[0], groups=1, bias=true, padding_mode='zeros')");
        assertThat(changed.toString()).isEqualTo("ConvOptions(stride=[2], padding=[1], dilation=[1], "
                + "output_padding=[0], groups=1, bias=false, padding_mode='zeros')");
        int[] stride = {2, 3};
        ConvOptions fromArray = base.stride(stride);
        stride[0] = 9;
        assertThat(new Conv2d(1, 1, 3, fromArray).stride()).containsExactly(2, 3);
    }

    @Test
    void stateDictsMoveBetweenLayersOfTheSameShape() {
        Ember.manualSeed(3);
        Conv2d a = new Conv2d(2, 4, 3, ConvOptions.defaults().groups(2));
        Conv2d b = new Conv2d(2, 4, 3, ConvOptions.defaults().groups(2));
        assertThat(a.weight().shape()).containsExactly(4, 1, 3, 3);
        assertThat(b.loadStateDict(a.stateDict(), true).isClean()).isTrue();
        Tensor x = Tensor.randn(1, 2, 5, 5);
        assertThat(b.forward(x).allClose(a.forward(x), 0, 0)).isTrue();
        BatchNorm2d bn = new BatchNorm2d(4);
        bn.forward(Tensor.randn(2, 4, 3, 3));
        BatchNorm2d copy = new BatchNorm2d(4);
        copy.loadStateDict(bn.stateDict(), true);
        assertThat(copy.runningVar().toFloatArray()).containsExactly(bn.runningVar().toFloatArray());
        assertThat(copy.numBatchesTracked().item()).isEqualTo(1);
    }
}
