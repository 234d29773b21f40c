package dev.ember.engine.nn;

import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Every layer against real PyTorch 1.13 ({@link LayerTorchCases}): printout, state_dict keys,
 * shapes, dtypes and order, and, on the engine's weights copied into torch, float64 outputs,
 * input and parameter gradients in train and eval mode and the state after the steps.
 */
class LayersVsTorchTest {
    private static final boolean T = true;
    private static final boolean E = false;

    /** Wraps a transposed convolution to call it with {@code output_size}; torch's twin is in the script. */
    static final class OutSize extends Module {
        private final ConvTranspose2d m;
        private final long[] size;

        OutSize(ConvTranspose2d m, long... size) {
            this.m = registerModule("m", m);
            this.size = size;
        }

        @Override
        public Tensor forward(Tensor input) {
            return m.forward(input, size);
        }
    }

    private static final String OUT_SIZE = String.join("\n",
            "class OutSize(nn.Module):",
            "    def __init__(self, m, size):",
            "        super().__init__()",
            "        self.m = m",
            "        self.size = size",
            "    def forward(self, x):",
            "        return self.m(x, output_size=self.size)");

    private static ConvOptions opts() {
        return ConvOptions.defaults();
    }

    @Test
    void convolutionsMatchTorch() {
        LayerTorchCases cases = new LayerTorchCases().define(OUT_SIZE);
        cases.add("conv1d", "nn.Conv1d(4, 6, 3)", () -> new Conv1d(4, 6, 3), 2, 4, 10);
        cases.add("conv1d stride padding", "nn.Conv1d(4, 6, 3, 2, 1)", () -> new Conv1d(4, 6, 3, 2, 1), 2, 4, 11);
        cases.add("conv1d same even kernel", "nn.Conv1d(4, 6, 4, padding='same')",
                () -> new Conv1d(4, 6, 4, opts().padding("same")), 2, 4, 9);
        cases.add("conv1d same dilated", "nn.Conv1d(4, 5, 3, padding='same', dilation=3)",
                () -> new Conv1d(4, 5, 3, opts().padding("same").dilation(3)), 2, 4, 12);
        cases.add("conv1d groups valid no bias", "nn.Conv1d(4, 8, 3, padding='valid', groups=2, bias=False)",
                () -> new Conv1d(4, 8, 3, opts().padding("valid").groups(2).bias(false)), 3, 4, 7);
        cases.add("conv1d unbatched", "nn.Conv1d(4, 6, 3, padding=2)",
                () -> new Conv1d(4, 6, 3, opts().padding(2)), 4, 10);
        cases.add("conv2d", "nn.Conv2d(3, 5, 3)", () -> new Conv2d(3, 5, 3), 2, 3, 8, 8);
        cases.add("conv2d stride padding", "nn.Conv2d(3, 5, 3, 2, 1)", () -> new Conv2d(3, 5, 3, 2, 1), 2, 3, 9, 8);
        cases.add("conv2d all options",
                "nn.Conv2d(3, 6, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2), groups=3, bias=False)",
                () -> new Conv2d(3, 6, new int[] {3, 2},
                        opts().stride(2, 1).padding(1, 0).dilation(1, 2).groups(3).bias(false)), 2, 3, 9, 8);
        cases.add("conv2d same even kernel", "nn.Conv2d(3, 4, 4, padding='same')",
                () -> new Conv2d(3, 4, 4, opts().padding("same")), 1, 3, 7, 6);
        cases.add("conv2d same rectangular dilated", "nn.Conv2d(3, 4, (2, 3), padding='same', dilation=(3, 2))",
                () -> new Conv2d(3, 4, new int[] {2, 3}, opts().padding("same").dilation(3, 2)), 2, 3, 7, 8);
        cases.add("conv2d valid", "nn.Conv2d(3, 4, 3, padding='valid')",
                () -> new Conv2d(3, 4, 3, opts().padding("valid")), 2, 3, 6, 6);
        cases.add("conv2d depthwise", "nn.Conv2d(4, 8, 3, padding=1, groups=4)",
                () -> new Conv2d(4, 8, 3, opts().padding(1).groups(4)), 2, 4, 6, 5);
        cases.add("conv2d unbatched", "nn.Conv2d(3, 5, 3, padding=1)", () -> new Conv2d(3, 5, 3, 1, 1), 3, 6, 7);
        cases.add("conv_transpose2d", "nn.ConvTranspose2d(3, 4, 3)", () -> new ConvTranspose2d(3, 4, 3), 2, 3, 5, 5);
        cases.add("conv_transpose2d stride padding output_padding",
                "nn.ConvTranspose2d(3, 4, 3, stride=2, padding=1, output_padding=1)",
                () -> new ConvTranspose2d(3, 4, 3, opts().stride(2).padding(1).outputPadding(1)), 2, 3, 4, 5);
        cases.add("conv_transpose2d all options",
                "nn.ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0), output_padding=(0, 1), groups=2,"
                        + " bias=False, dilation=(1, 2))",
                () -> new ConvTranspose2d(4, 6, new int[] {3, 2},
                        opts().stride(2, 3).padding(1, 0).outputPadding(0, 1).groups(2).bias(false).dilation(1, 2)),
                2, 4, 4, 3);
        cases.add("conv_transpose2d unbatched", "nn.ConvTranspose2d(3, 2, 2, 2, 0)",
                () -> new ConvTranspose2d(3, 2, 2, 2, 0), 3, 4, 4);
        cases.add("conv_transpose2d output_size", "OutSize(nn.ConvTranspose2d(3, 4, 3, stride=3, padding=1), [8, 9])",
                () -> new OutSize(new ConvTranspose2d(3, 4, 3, 3, 1), 8, 9), 2, 3, 3, 3);
        cases.add("conv_transpose2d output_size with N, C",
                "OutSize(nn.ConvTranspose2d(3, 4, 3, stride=2), [2, 4, 12, 11])",
                () -> new OutSize(new ConvTranspose2d(3, 4, 3, 2, 0), 2, 4, 12, 11), 2, 3, 5, 5);
        cases.check();
    }

    @Test
    void poolingMatchesTorch() {
        LayerTorchCases cases = new LayerTorchCases();
        cases.add("maxpool 2", "nn.MaxPool2d(2)", () -> new MaxPool2d(2), 2, 3, 8, 8);
        cases.add("maxpool 3,2,1", "nn.MaxPool2d(3, 2, 1)", () -> new MaxPool2d(3, 2, 1), 2, 3, 9, 8);
        cases.add("maxpool ceil dilation", "nn.MaxPool2d(3, 2, 1, 2, ceil_mode=True)", () -> new MaxPool2d(3, 2, 1, 2, true),
                2, 2, 9, 10);
        cases.add("maxpool tuples", "nn.MaxPool2d((3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2), ceil_mode=True)",
                () -> new MaxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, true),
                2, 3, 8, 7);
        cases.add("maxpool tuple kernel default stride", "nn.MaxPool2d((2, 3))",
                () -> new MaxPool2d(new int[] {2, 3}, null, new int[] {0}, new int[] {1}, false), 1, 2, 6, 9);
        cases.add("maxpool unbatched", "nn.MaxPool2d(2, 1)", () -> new MaxPool2d(2, 1), 3, 5, 4);
        cases.add("avgpool 2", "nn.AvgPool2d(2)", () -> new AvgPool2d(2), 2, 3, 8, 8);
        cases.add("avgpool 3,2,1", "nn.AvgPool2d(3, 2, 1)", () -> new AvgPool2d(3, 2, 1), 2, 3, 9, 8);
        cases.add("avgpool ceil no pad count", "nn.AvgPool2d(3, 2, 1, True, False)",
                () -> new AvgPool2d(3, 2, 1, true, false), 2, 2, 8, 9);
        cases.add("avgpool tuples", "nn.AvgPool2d((3, 2), (2, 1), (1, 0))",
                () -> new AvgPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, false, true), 2, 3, 7, 6);
        cases.add("avgpool unbatched", "nn.AvgPool2d(2, 2)", () -> new AvgPool2d(2, 2), 3, 6, 4);
        cases.add("adaptive 1", "nn.AdaptiveAvgPool2d(1)", () -> new AdaptiveAvgPool2d(1), 2, 3, 5, 7);
        cases.add("adaptive 2x3", "nn.AdaptiveAvgPool2d((2, 3))", () -> new AdaptiveAvgPool2d(2, 3), 2, 3, 5, 7);
        cases.add("adaptive uneven", "nn.AdaptiveAvgPool2d((4, 3))", () -> new AdaptiveAvgPool2d(new int[] {4, 3}),
                2, 2, 9, 10);
        cases.add("adaptive unbatched", "nn.AdaptiveAvgPool2d(3)", () -> new AdaptiveAvgPool2d(3), 2, 7, 8);
        cases.check();
    }

    @Test
    void normalisationMatchesTorchInTrainAndEval() {
        LayerTorchCases cases = new LayerTorchCases();
        boolean[] steps = {T, T, T, E, T, E};
        cases.add("bn1d 2D", "nn.BatchNorm1d(4)", () -> new BatchNorm1d(4), 6, 4).steps(steps).perturb();
        cases.add("bn1d 3D", "nn.BatchNorm1d(4)", () -> new BatchNorm1d(4), 3, 4, 5).steps(steps).perturb();
        cases.add("bn1d eps momentum", "nn.BatchNorm1d(4, 1e-3, 0.3)", () -> new BatchNorm1d(4, 1e-3, 0.3), 5, 4)
                .steps(steps).perturb();
        cases.add("bn1d cumulative", "nn.BatchNorm1d(4, momentum=None)",
                () -> new BatchNorm1d(4, 1e-5, null, true, true), 5, 4, 2).steps(steps).perturb();
        cases.add("bn1d no affine", "nn.BatchNorm1d(4, affine=False)",
                () -> new BatchNorm1d(4, 1e-5, 0.1, false, true), 5, 4).steps(steps);
        cases.add("bn1d no running stats", "nn.BatchNorm1d(4, track_running_stats=False)",
                () -> new BatchNorm1d(4, 1e-5, 0.1, true, false), 5, 4).steps(steps).perturb();
        cases.add("bn2d", "nn.BatchNorm2d(3)", () -> new BatchNorm2d(3), 2, 3, 4, 5).steps(steps).perturb();
        cases.add("bn2d eps momentum", "nn.BatchNorm2d(3, 0.01, 0.5)", () -> new BatchNorm2d(3, 0.01, 0.5),
                2, 3, 3, 3).steps(steps).perturb();
        cases.add("bn2d cumulative no affine", "nn.BatchNorm2d(3, momentum=None, affine=False)",
                () -> new BatchNorm2d(3, 1e-5, null, false, true), 2, 3, 4, 4).steps(steps);
        cases.add("bn2d nothing", "nn.BatchNorm2d(3, affine=False, track_running_stats=False)",
                () -> new BatchNorm2d(3, 1e-5, 0.1, false, false), 2, 3, 4, 4).steps(steps);
        cases.add("layernorm", "nn.LayerNorm(5)", () -> new LayerNorm(5), 2, 3, 5).perturb();
        cases.add("layernorm 2 dims", "nn.LayerNorm([4, 5])", () -> new LayerNorm(new long[] {4, 5}), 2, 3, 4, 5)
                .perturb();
        cases.add("layernorm no affine", "nn.LayerNorm([3, 5], eps=1e-3, elementwise_affine=False)",
                () -> new LayerNorm(new long[] {3, 5}, 1e-3, false), 2, 3, 5);
        cases.check();
    }

    @Test
    void dropoutAndEmbeddingMatchTorch() {
        LayerTorchCases cases = new LayerTorchCases();
        // Training-mode dropout is random (another generator than torch's); see LayerBehaviourTest.
        cases.add("dropout eval", "nn.Dropout()", Dropout::new, 3, 4).steps(E);
        cases.add("dropout p=0.2 eval", "nn.Dropout(0.2)", () -> new Dropout(0.2), 3, 4).steps(E, E);
        cases.add("dropout p=0 train", "nn.Dropout(0.0)", () -> new Dropout(0.0), 3, 4).steps(T, E);
        cases.add("dropout p=1 train", "nn.Dropout(1.0)", () -> new Dropout(1.0), 3, 4).steps(T, E);
        cases.add("embedding", "nn.Embedding(10, 3)", () -> new Embedding(10, 3), 0)
                .input(step -> Tensor.randint(new Generator(step), 0, 10, 2, 5));
        cases.add("embedding padding_idx", "nn.Embedding(10, 3, padding_idx=2)", () -> new Embedding(10, 3, 2), 0)
                .input(step -> Tensor.of(2L, 5, 2, 7, 0, 2, 9, 5).reshape(2, 4));
        cases.add("embedding negative padding_idx", "nn.Embedding(6, 4, padding_idx=-1)",
                () -> new Embedding(6, 4, -1), 0).input(step -> Tensor.of(5L, 1, 5, 0, 3));
        cases.check();
    }

    @Test
    void classicLabNetworkMatchesTorch() {
        LayerTorchCases cases = new LayerTorchCases();
        cases.add("classic lab",
                "nn.Sequential(nn.Conv2d(3, 5, 3, padding=1), nn.ReLU(), nn.MaxPool2d(3, 2, 1), nn.Flatten(),"
                        + " nn.Linear(1280, 128), nn.ReLU(), nn.Linear(128, 10))",
                () -> new Sequential(new Conv2d(3, 5, 3, 1, 1), new ReLU(), new MaxPool2d(3, 2, 1), new Flatten(),
                        new Linear(1280, 128), new ReLU(), new Linear(128, 10)), 2, 3, 32, 32);
        cases.add("cnn with batch norm",
                "nn.Sequential(nn.Conv2d(3, 8, 3, padding='same', bias=False), nn.BatchNorm2d(8), nn.ReLU(),"
                        + " nn.AvgPool2d(2), nn.Conv2d(8, 8, 3, groups=2), nn.BatchNorm2d(8, momentum=None), nn.GELU(),"
                        + " nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.0), nn.Linear(8, 4), nn.BatchNorm1d(4),"
                        + " nn.LayerNorm(4))",
                () -> new Sequential(new Conv2d(3, 8, 3, opts().padding("same").bias(false)), new BatchNorm2d(8),
                        new ReLU(), new AvgPool2d(2), new Conv2d(8, 8, 3, opts().groups(2)),
                        new BatchNorm2d(8, 1e-5, null, true, true), new GELU(), new AdaptiveAvgPool2d(1),
                        new Flatten(), new Dropout(0.0), new Linear(8, 4), new BatchNorm1d(4), new LayerNorm(4)),
                3, 3, 10, 10).steps(T, T, E, T, E).perturb();
        cases.add("sequence model",
                "nn.Sequential(nn.Embedding(20, 6, padding_idx=0), nn.LayerNorm(6), nn.Linear(6, 3))",
                () -> new Sequential(new Embedding(20, 6, 0), new LayerNorm(6), new Linear(6, 3)), 0)
                .input(step -> Tensor.randint(new Generator(40 + step), 0, 20, 3, 7));
        cases.check();
    }
}
