package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Activation and loss modules: PyTorch's printing, their forward, buffers and dtypes. */
class ActivationAndLossModulesTest {

    @Test
    void reprsMatchTorchPrint() {
        RealTorch.assumeAvailable();
        List<Module> engine = List.of(new ReLU(), new LeakyReLU(), new LeakyReLU(1e-5), new LeakyReLU(0.2),
                new ELU(), new ELU(0.5), new GELU(), new GELU("tanh"), new Sigmoid(), new Tanh(), new Softplus(),
                new Softplus(2.0), new Softplus(0.5, 10.0), new Softmax(1), new Softmax(-1), new LogSoftmax(1),
                new CrossEntropyLoss(), new CrossEntropyLoss(Tensor.ones(3), 1, Reduction.SUM, 0.1), new NLLLoss(),
                new MSELoss(), new L1Loss(), new SmoothL1Loss(0.5), new HuberLoss(2.0), new BCELoss(),
                new BCEWithLogitsLoss(null, Reduction.NONE, Tensor.ones(3)),
                new Sequential(new Linear(4, 3), new LeakyReLU(0.1), new Linear(3, 2), new LogSoftmax(1)));
        String torch = RealTorch.run(String.join("\n",
                "import torch, torch.nn as nn",
                "ms = [nn.ReLU(), nn.LeakyReLU(), nn.LeakyReLU(1e-5), nn.LeakyReLU(0.2), nn.ELU(), nn.ELU(0.5),",
                "      nn.GELU(), nn.GELU('tanh'), nn.Sigmoid(), nn.Tanh(), nn.Softplus(), nn.Softplus(2.0),",
                "      nn.Softplus(0.5, 10.0), nn.Softmax(1), nn.Softmax(-1), nn.LogSoftmax(1),",
                "      nn.CrossEntropyLoss(), nn.CrossEntropyLoss(torch.ones(3), ignore_index=1, reduction='sum',",
                "      label_smoothing=0.1), nn.NLLLoss(), nn.MSELoss(), nn.L1Loss(), nn.SmoothL1Loss(beta=0.5),",
                "      nn.HuberLoss(delta=2.0), nn.BCELoss(), nn.BCEWithLogitsLoss(reduction='none', pos_weight=torch.ones(3)),",
                "      nn.Sequential(nn.Linear(4, 3), nn.LeakyReLU(0.1), nn.Linear(3, 2), nn.LogSoftmax(1))]",
                "print('\\n---\\n'.join(str(m) for m in ms))"));
        List<String> want = List.of(torch.strip().split("\n---\n"));
        assertThat(want).hasSize(engine.size());
        assertThat(engine.stream().map(Module::toString).toList()).isEqualTo(want);
    }

    @Test
    void pythonFloatReprs() {
        assertThat(PyRepr.pyFloat(0.01)).isEqualTo("0.01");
        assertThat(PyRepr.pyFloat(1)).isEqualTo("1.0");
        assertThat(PyRepr.pyFloat(-2.5)).isEqualTo("-2.5");
        assertThat(PyRepr.pyFloat(1e-5)).isEqualTo("1e-05");
        assertThat(PyRepr.pyFloat(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PyRepr.pyFloat(0.0001)).isEqualTo("0.0001");
        assertThat(PyRepr.pyFloat(1e16)).isEqualTo("1e+16");
        assertThat(PyRepr.pyFloat(123456789012345.0)).isEqualTo("123456789012345.0");
        assertThat(PyRepr.pyFloat(1e22)).isEqualTo("1e+22");
        assertThat(PyRepr.pyFloat(-0.0)).isEqualTo("-0.0");
        assertThat(PyRepr.pyFloat(Double.NaN)).isEqualTo("nan");
        assertThat(PyRepr.pyFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void activationModulesMatchTorch() {
        RealTorch.assumeAvailable();
        Tensor x = Tensor.fromArray(new double[] {-3, -0.5, -0.01, 0.2, 1.5, 25, 4, -2}, 2, 4);
        List<Module> engine = List.of(new ReLU(), new LeakyReLU(0.2), new ELU(0.5), new GELU(), new GELU("tanh"),
                new Sigmoid(), new Tanh(), new Softplus(2.0, 10.0), new Softmax(1), new LogSoftmax(0));
        String torch = RealTorch.run(String.join("\n",
                "import torch, torch.nn as nn",
                "x = torch.tensor([-3, -0.5, -0.01, 0.2, 1.5, 25, 4, -2], dtype=torch.float64).reshape(2, 4)",
                "ms = [nn.ReLU(), nn.LeakyReLU(0.2), nn.ELU(0.5), nn.GELU(), nn.GELU('tanh'), nn.Sigmoid(), nn.Tanh(),",
                "      nn.Softplus(2.0, 10.0), nn.Softmax(1), nn.LogSoftmax(0)]",
                "for m in ms: print(' '.join(repr(v) for v in m(x).reshape(-1).tolist()))"));
        String[] lines = torch.strip().split("\n");
        for (int i = 0; i < engine.size(); i++) {
            double[] got = engine.get(i).forward(x).toDoubleArray();
            String[] want = lines[i].split(" ");
            for (int k = 0; k < got.length; k++) {
                assertThat(got[k]).as("%s element %d", engine.get(i), k)
                    .isCloseTo(Double.parseDouble(want[k]), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void lossWeightsAreBuffersLikePyTorch() {
        Tensor w = Tensor.of(1f, 2f, 3f);
        assertThat(new CrossEntropyLoss(w).stateDict().keySet()).containsExactly("weight");
        assertThat(new CrossEntropyLoss().stateDict()).isEmpty();
        assertThat(new BCEWithLogitsLoss(null, Reduction.MEAN, w).stateDict().keySet()).containsExactly("pos_weight");
        assertThat(new BCEWithLogitsLoss(w, Reduction.MEAN, w).stateDict().keySet()).containsExactly("weight", "pos_weight");
        assertThat(new NLLLoss(w).parameters()).isEmpty();
        // to(FLOAT64) converts the weight buffer in place; the loss keeps using it.
        CrossEntropyLoss loss = new CrossEntropyLoss(Tensor.of(1f, 2f, 3f));
        loss.to(DType.FLOAT64);
        assertThat(loss.weight().dtype()).isEqualTo(DType.FLOAT64);
        Tensor out = loss.forward(Tensor.randn(2, 3).to(DType.FLOAT64), Tensor.of(0L, 2L));
        assertThat(out.dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void float32LossesStayFloat32AndAgreeWithFloat64() {
        Tensor x = Tensor.randn(6, 4);
        Tensor t = Tensor.of(0L, 3L, 1L, -100L, 2L, 2L);
        Tensor w = Tensor.of(0.5f, 1f, 2f, 1.5f);
        Tensor w64 = w.to(DType.FLOAT64);
        Tensor x64 = x.to(DType.FLOAT64);
        Tensor p = Tensor.rand(6, 4);
        Tensor y = Tensor.rand(6, 4);
        List<Tensor[]> pairs = List.of(
                new Tensor[] {Functional.crossEntropy(x, t, w, -100, Reduction.MEAN, 0.1),
                    Functional.crossEntropy(x64, t, w64, -100, Reduction.MEAN, 0.1)},
                new Tensor[] {Functional.crossEntropy(x, x.softmax(1), w, -100, Reduction.NONE, 0),
                    Functional.crossEntropy(x64, x64.softmax(1), w64, -100, Reduction.NONE, 0)},
                new Tensor[] {Functional.binaryCrossEntropy(p, y, w, Reduction.SUM),
                    Functional.binaryCrossEntropy(p.to(DType.FLOAT64), y.to(DType.FLOAT64), w64, Reduction.SUM)},
                new Tensor[] {Functional.binaryCrossEntropyWithLogits(x, y, null, Reduction.MEAN, w),
                    Functional.binaryCrossEntropyWithLogits(x64, y.to(DType.FLOAT64), null, Reduction.MEAN, w64)},
                new Tensor[] {Functional.smoothL1Loss(x, y, Reduction.NONE, 0.5),
                    Functional.smoothL1Loss(x64, y.to(DType.FLOAT64), Reduction.NONE, 0.5)});
        for (Tensor[] pair : pairs) {
            assertThat(pair[0].dtype()).isEqualTo(DType.FLOAT32);
            assertThat(pair[0].to(DType.FLOAT64).allClose(pair[1], 1e-5, 1e-6))
                .as(String.format(Locale.ROOT, "%s vs %s", pair[0], pair[1])).isTrue();
        }
    }

    @Test
    void int32ClassIndicesWorkLikeInt64() {
        Tensor x = Tensor.randn(3, 5);
        Tensor t = Tensor.of(4L, 0L, 2L);
        assertThat(Functional.crossEntropy(x, t.to(DType.INT32)).item()).isEqualTo(Functional.crossEntropy(x, t).item());
    }

    @Test
    void badActivationSettings() {
        assertThatThrownBy(() -> new GELU("fast"))
            .hasMessage("GELU: approximate must be 'none' or 'tanh', got 'fast'");
    }
}
