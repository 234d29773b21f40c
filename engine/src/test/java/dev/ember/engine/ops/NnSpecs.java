package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import dev.ember.engine.nn.Reduction;
import dev.ember.engine.ops.nn.AdaptiveAvgPool2d;
import dev.ember.engine.ops.nn.AvgPool2d;
import dev.ember.engine.ops.nn.BatchNorm;
import dev.ember.engine.ops.nn.BinaryCrossEntropy;
import dev.ember.engine.ops.nn.ConstantPadNd;
import dev.ember.engine.ops.nn.Conv1d;
import dev.ember.engine.ops.nn.Conv2d;
import dev.ember.engine.ops.nn.ConvTranspose2d;
import dev.ember.engine.ops.nn.Dropout;
import dev.ember.engine.ops.nn.Embedding;
import dev.ember.engine.ops.nn.LayerNorm;
import dev.ember.engine.ops.nn.MaxPool2d;
import dev.ember.engine.ops.nn.OneHot;
import java.util.ArrayList;
import java.util.List;

/** Rows for {@code ops/nn}. Inputs: a = input, b = weight, c = bias unless a row says otherwise. */
final class NnSpecs {
    private static final double[] RUNNING_MEAN = {0.1, -0.2, 0.3};
    private static final double[] RUNNING_VAR = {0.5, 1.5, 2.0};

    private NnSpecs() {
    }

    static List<OpSpec> rows() {
        List<OpSpec> rows = new ArrayList<>();
        rows.addAll(convolutions());
        rows.addAll(pooling());
        rows.addAll(others());
        rows.addAll(losses());
        return rows;
    }

    private static List<OpSpec> losses() {
        return List.of(
            // Inputs drawn in (-0.9, 0.9) are mapped to probabilities in (0.05, 0.95).
            OpSpec.of("binaryCrossEntropy", BinaryCrossEntropy.class,
                    in -> Functional.binaryCrossEntropy(in[0].add(1).div(2), in[1].add(1).div(2), null, Reduction.NONE))
                .shapes(s(2, 3), s(2, 3)).shapes(s(), s()).domain(OpSpec.Domain.UNIT)
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> {
                    double p = (a + 1) / 2;
                    double t = (b + 1) / 2;
                    return -(t * Math.max(Math.log(p), -100) + (1 - t) * Math.max(Math.log1p(-p), -100));
                }))
                .torch("F.binary_cross_entropy((a + 1) / 2, (b + 1) / 2, reduction='none')")
                .gradFn("BinaryCrossEntropyBackward0"));
    }

    private static int[] i(int... v) {
        return v;
    }

    private static List<OpSpec> convolutions() {
        return List.of(
            OpSpec.of("conv2d", Conv2d.class, in -> Functional.conv2d(in[0], in[1], in[2]))
                .shapes(s(2, 2, 5, 5), s(3, 2, 3, 3), s(3)).shapes(s(1, 3, 6, 7), s(2, 3, 2, 3), s(2))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(1, 1), i(0, 0, 0, 0), i(1, 1), 1))
                .torch("F.conv2d(a, b, c)").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(stride=2, padding=1)", Conv2d.class, in -> Functional.conv2d(in[0], in[1], in[2], 2, 1))
                .shapes(s(2, 2, 6, 6), s(3, 2, 3, 3), s(3)).shapes(s(2, 3, 7, 5), s(4, 3, 3, 2), s(4))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(2, 2), i(1, 1, 1, 1), i(1, 1), 1))
                .torch("F.conv2d(a, b, c, stride=2, padding=1)").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(stride=(1,2), padding=(1,0), no bias)", Conv2d.class,
                    in -> Functional.conv2d(in[0], in[1], null, i(1, 2), i(1, 0), i(1), 1))
                .shapes(s(2, 2, 5, 6), s(3, 2, 2, 2))
                .ref(r -> NnRef.conv2d(r[0], r[1], null, i(1, 2), i(1, 1, 0, 0), i(1, 1), 1))
                .torch("F.conv2d(a, b, None, stride=(1, 2), padding=(1, 0))").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(dilation=2, padding=2)", Conv2d.class,
                    in -> Functional.conv2d(in[0], in[1], in[2], 1, 2, 2, 1))
                .shapes(s(2, 2, 7, 7), s(2, 2, 3, 3), s(2)).shapes(s(1, 3, 6, 5), s(2, 3, 2, 3), s(2))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(1, 1), i(2, 2, 2, 2), i(2, 2), 1))
                .torch("F.conv2d(a, b, c, padding=2, dilation=2)").gradFn("ConvolutionBackward0"),
            // TF "SAME" with stride 2 on an even size: one row more at the bottom and right.
            OpSpec.of("conv2d(asymmetric padding, stride=2)", Conv2d.class,
                    in -> Functional.conv2d(in[0], in[1], in[2], i(2), i(0, 1, 1, 2), i(1), 1))
                .shapes(s(2, 2, 6, 6), s(3, 2, 3, 3), s(3)).shapes(s(1, 2, 5, 7), s(2, 2, 2, 4), s(2))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(2, 2), i(0, 1, 1, 2), i(1, 1), 1))
                .torch("F.conv2d(F.pad(a, (1, 2, 0, 1)), b, c, stride=2)").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(groups=2)", Conv2d.class, in -> Functional.conv2d(in[0], in[1], in[2], 1, 1, 1, 2))
                .shapes(s(2, 4, 5, 5), s(4, 2, 3, 3), s(4)).shapes(s(1, 2, 6, 5), s(6, 1, 3, 3), s(6))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(1, 1), i(1, 1, 1, 1), i(1, 1), 2))
                .torch("F.conv2d(a, b, c, padding=1, groups=2)").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(groups=2, stride=2, dilation=2)", Conv2d.class,
                    in -> Functional.conv2d(in[0], in[1], in[2], 2, 1, 2, 2))
                .shapes(s(2, 4, 7, 7), s(2, 2, 3, 3), s(2))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(2, 2), i(1, 1, 1, 1), i(2, 2), 2))
                .torch("F.conv2d(a, b, c, stride=2, padding=1, dilation=2, groups=2)").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(depthwise)", Conv2d.class,
                    in -> Functional.conv2d(in[0], in[1], in[2], 1, 1, 1, (int) in[0].size(1)))
                .shapes(s(2, 3, 6, 6), s(3, 1, 3, 3), s(3)).shapes(s(2, 2, 5, 5), s(6, 1, 3, 2), s(6))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(1, 1), i(1, 1, 1, 1), i(1, 1), (int) r[0].shape[1]))
                .torch("F.conv2d(a, b, c, padding=1, groups=a.shape[1])").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv2d(depthwise, stride=2, dilation=2)", Conv2d.class,
                    in -> Functional.conv2d(in[0], in[1], in[2], 2, 2, 2, (int) in[0].size(1)))
                .shapes(s(2, 2, 7, 7), s(4, 1, 3, 3), s(4))
                .ref(r -> NnRef.conv2d(r[0], r[1], r[2], i(2, 2), i(2, 2, 2, 2), i(2, 2), (int) r[0].shape[1]))
                .torch("F.conv2d(a, b, c, stride=2, padding=2, dilation=2, groups=a.shape[1])")
                .gradFn("ConvolutionBackward0"),
            OpSpec.of("conv1d(stride=2, padding=1, dilation=2)", Conv1d.class,
                    in -> Functional.conv1d(in[0], in[1], in[2], 2, 1, 2, 1))
                .shapes(s(2, 3, 9), s(4, 3, 3), s(4)).shapes(s(1, 2, 8), s(3, 2, 2), s(3))
                .ref(r -> conv1dRef(r, 2, 1, 1, 2, 1))
                .torch("F.conv1d(a, b, c, stride=2, padding=1, dilation=2)"),
            OpSpec.of("conv1d(padding=(2,1), depthwise)", Conv1d.class,
                    in -> Functional.conv1d(in[0], in[1], in[2], 1, i(2, 1), 1, (int) in[0].size(1)))
                .shapes(s(2, 3, 7), s(3, 1, 3), s(3))
                .ref(r -> conv1dRef(r, 1, 2, 1, 1, 3))
                .torch("F.conv1d(F.pad(a, (2, 1)), b, c, groups=3)"),
            OpSpec.of("conv_transpose2d", ConvTranspose2d.class, in -> Functional.convTranspose2d(in[0], in[1], in[2]))
                .shapes(s(2, 3, 4, 4), s(3, 2, 3, 3), s(2)).shapes(s(1, 2, 3, 5), s(2, 3, 2, 3), s(3))
                .ref(r -> NnRef.convTranspose2d(r[0], r[1], r[2], i(1, 1), i(0, 0), i(0, 0), i(1, 1), 1))
                .torch("F.conv_transpose2d(a, b, c)").gradFn("ConvolutionBackward0"),
            OpSpec.of("conv_transpose2d(stride=2, padding=1, output_padding=1)", ConvTranspose2d.class,
                    in -> Functional.convTranspose2d(in[0], in[1], in[2], 2, 1, 1, 1, 1))
                .shapes(s(2, 2, 3, 4), s(2, 3, 3, 3), s(3)).shapes(s(1, 2, 4, 4), s(2, 2, 2, 2), s(2))
                .ref(r -> NnRef.convTranspose2d(r[0], r[1], r[2], i(2, 2), i(1, 1), i(1, 1), i(1, 1), 1))
                .torch("F.conv_transpose2d(a, b, c, stride=2, padding=1, output_padding=1)")
                .gradFn("ConvolutionBackward0"),
            OpSpec.of("conv_transpose2d(groups=2, stride=2, dilation=2)", ConvTranspose2d.class,
                    in -> Functional.convTranspose2d(in[0], in[1], in[2], i(2), i(1), i(1, 0), 2, i(2)))
                .shapes(s(2, 4, 3, 3), s(4, 1, 2, 2), s(2)).shapes(s(1, 2, 3, 4), s(2, 2, 3, 2), s(4))
                .ref(r -> NnRef.convTranspose2d(r[0], r[1], r[2], i(2, 2), i(1, 1), i(1, 0), i(2, 2), 2))
                .torch("F.conv_transpose2d(a, b, c, stride=2, padding=1, output_padding=(1, 0), groups=2, dilation=2)")
                .gradFn("ConvolutionBackward0"));
    }

    private static NdRef conv1dRef(NdRef[] r, int stride, int left, int right, int dilation, int groups) {
        NdRef x = r[0].reshape(r[0].shape[0], r[0].shape[1], 1, r[0].shape[2]);
        NdRef w = r[1].reshape(r[1].shape[0], r[1].shape[1], 1, r[1].shape[2]);
        NdRef y = NnRef.conv2d(x, w, r[2], i(1, stride), i(0, 0, left, right), i(1, dilation), groups);
        return y.reshape(y.shape[0], y.shape[1], y.shape[3]);
    }

    private static List<OpSpec> pooling() {
        return List.of(
            OpSpec.of("max_pool2d(2)", MaxPool2d.class, in -> Functional.maxPool2d(in[0], 2))
                .shapes(s(2, 3, 6, 6)).shapes(s(1, 2, 5, 7))
                .ref(r -> NnRef.maxPool2d(r[0], i(2, 2), i(2, 2), i(0, 0), i(1, 1), false))
                .torch("F.max_pool2d(a, 2)").gradFn("MaxPool2DWithIndicesBackward0"),
            // Inputs in (-2, 2): a padded zero would win over negative borders if padding were zeros.
            OpSpec.of("max_pool2d(3, stride=2, padding=1)", MaxPool2d.class,
                    in -> Functional.maxPool2d(in[0], 3, 2, 1, 1, false))
                .shapes(s(2, 2, 7, 7)).shapes(s(1, 3, 6, 5))
                .ref(r -> NnRef.maxPool2d(r[0], i(3, 3), i(2, 2), i(1, 1), i(1, 1), false))
                .torch("F.max_pool2d(a, 3, stride=2, padding=1)").gradFn("MaxPool2DWithIndicesBackward0"),
            OpSpec.of("max_pool2d(3, stride=2, ceil_mode)", MaxPool2d.class,
                    in -> Functional.maxPool2d(in[0], 3, 2, 0, 1, true))
                .shapes(s(2, 2, 6, 6)).shapes(s(1, 2, 5, 8))
                .ref(r -> NnRef.maxPool2d(r[0], i(3, 3), i(2, 2), i(0, 0), i(1, 1), true))
                .torch("F.max_pool2d(a, 3, stride=2, ceil_mode=True)").gradFn("MaxPool2DWithIndicesBackward0"),
            // 5 + 2*1 with k=2, s=2: ceil gives 4 windows, but the 4th would start in the right padding.
            OpSpec.of("max_pool2d(2, stride=2, padding=1, ceil_mode)", MaxPool2d.class,
                    in -> Functional.maxPool2d(in[0], 2, 2, 1, 1, true))
                .shapes(s(2, 2, 5, 5)).shapes(s(1, 2, 6, 7))
                .ref(r -> NnRef.maxPool2d(r[0], i(2, 2), i(2, 2), i(1, 1), i(1, 1), true))
                .torch("F.max_pool2d(a, 2, stride=2, padding=1, ceil_mode=True)")
                .gradFn("MaxPool2DWithIndicesBackward0"),
            OpSpec.of("max_pool2d(3, stride=1, padding=1, dilation=2)", MaxPool2d.class,
                    in -> Functional.maxPool2d(in[0], i(3, 2), i(1), i(1), i(2, 3), false))
                .shapes(s(2, 2, 7, 7)).shapes(s(1, 1, 6, 8))
                .ref(r -> NnRef.maxPool2d(r[0], i(3, 2), i(1, 1), i(1, 1), i(2, 3), false))
                .torch("F.max_pool2d(a, (3, 2), stride=1, padding=1, dilation=(2, 3))")
                .gradFn("MaxPool2DWithIndicesBackward0"),
            OpSpec.of("avg_pool2d(2)", AvgPool2d.class, in -> Functional.avgPool2d(in[0], 2))
                .shapes(s(2, 3, 6, 6)).shapes(s(1, 2, 5, 7))
                .ref(r -> NnRef.avgPool2d(r[0], i(2, 2), i(2, 2), i(0, 0), false, true))
                .torch("F.avg_pool2d(a, 2)").gradFn("AvgPool2DBackward0"),
            OpSpec.of("avg_pool2d(3, stride=2, padding=1)", AvgPool2d.class,
                    in -> Functional.avgPool2d(in[0], 3, 2, 1, false, true))
                .shapes(s(2, 2, 7, 7)).shapes(s(1, 2, 6, 5))
                .ref(r -> NnRef.avgPool2d(r[0], i(3, 3), i(2, 2), i(1, 1), false, true))
                .torch("F.avg_pool2d(a, 3, stride=2, padding=1)").gradFn("AvgPool2DBackward0"),
            OpSpec.of("avg_pool2d(3, stride=2, padding=1, count_include_pad=False)", AvgPool2d.class,
                    in -> Functional.avgPool2d(in[0], 3, 2, 1, false, false))
                .shapes(s(2, 2, 7, 7)).shapes(s(1, 2, 6, 5))
                .ref(r -> NnRef.avgPool2d(r[0], i(3, 3), i(2, 2), i(1, 1), false, false))
                .torch("F.avg_pool2d(a, 3, stride=2, padding=1, count_include_pad=False)")
                .gradFn("AvgPool2DBackward0"),
            OpSpec.of("avg_pool2d(3, stride=2, padding=1, ceil_mode)", AvgPool2d.class,
                    in -> Functional.avgPool2d(in[0], 3, 2, 1, true, true))
                .shapes(s(2, 2, 6, 6)).shapes(s(1, 1, 5, 8))
                .ref(r -> NnRef.avgPool2d(r[0], i(3, 3), i(2, 2), i(1, 1), true, true))
                .torch("F.avg_pool2d(a, 3, stride=2, padding=1, ceil_mode=True)").gradFn("AvgPool2DBackward0"),
            OpSpec.of("avg_pool2d((3,2), stride=2, ceil_mode, count_include_pad=False)", AvgPool2d.class,
                    in -> Functional.avgPool2d(in[0], i(3, 2), i(2), i(1, 0), true, false))
                .shapes(s(2, 2, 6, 7)).shapes(s(1, 1, 5, 8))
                .ref(r -> NnRef.avgPool2d(r[0], i(3, 2), i(2, 2), i(1, 0), true, false))
                .torch("F.avg_pool2d(a, (3, 2), stride=2, padding=(1, 0), ceil_mode=True, count_include_pad=False)")
                .gradFn("AvgPool2DBackward0"),
            OpSpec.of("adaptive_avg_pool2d((3,2))", AdaptiveAvgPool2d.class,
                    in -> Functional.adaptiveAvgPool2d(in[0], i(3, 2)))
                .shapes(s(2, 3, 7, 5)).shapes(s(1, 2, 3, 4)).shapes(s(2, 2, 3)).shapes(s(2, 6, 4))
                .ref(r -> NnRef.adaptiveAvgPool2d(r[0], 3, 2))
                .torch("F.adaptive_avg_pool2d(a, (3, 2))"),
            OpSpec.of("adaptive_avg_pool2d(1)", AdaptiveAvgPool2d.class, in -> Functional.adaptiveAvgPool2d(in[0], 1))
                .shapes(s(2, 3, 4, 5))
                .ref(r -> NnRef.adaptiveAvgPool2d(r[0], 1, 1))
                .torch("F.adaptive_avg_pool2d(a, 1)"));
    }

    private static List<OpSpec> others() {
        return List.of(
            // Eval mode and p=0 return the input itself (no node); p=1 multiplies by zero, as PyTorch does.
            // The random mask's statistics and determinism are in DropoutTest.
            OpSpec.of("dropout(p=1)", Dropout.class, in -> Functional.dropout(in[0], 1.0))
                .shapes(s(2, 3, 4))
                .ref(r -> NdRef.zeros(r[0].shape))
                .torch("F.dropout(a, p=1.0)").gradFn("MulBackward0"),
            OpSpec.of("one_hot", OneHot.class, in -> Functional.oneHot(in[0], 5))
                .index(0, 5).shapes(s(2, 3)).shapes(s(7)).shapes(s()).notDifferentiable()
                .ref(r -> NnRef.oneHot(r[0], 5))
                .torch("F.one_hot(a, 5)"),
            OpSpec.of("embedding", Embedding.class, in -> Functional.embedding(in[0], in[1]))
                .index(0, 5).shapes(s(2, 3), s(5, 4)).shapes(s(7), s(5, 2))
                .ref(r -> NnRef.embedding(r[0], r[1]))
                .torch("F.embedding(a, b)").gradFn("EmbeddingBackward0"),
            OpSpec.of("batch_norm(training)", BatchNorm.class,
                    in -> Functional.batchNorm(in[0], null, null, in[1], in[2], true))
                .shapes(s(2, 3, 4, 4), s(3), s(3)).shapes(s(5, 3), s(3), s(3)).shapes(s(2, 3, 5), s(3), s(3))
                .ref(r -> NnRef.batchNorm(r[0], null, null, r[1], r[2], 1e-5))
                .torch("F.batch_norm(a, None, None, b, c, training=True)"),
            OpSpec.of("batch_norm(eval)", BatchNorm.class,
                    in -> Functional.batchNorm(in[0], constant(RUNNING_MEAN, in[0]), constant(RUNNING_VAR, in[0]),
                            in[1], in[2], false))
                .shapes(s(2, 3, 4, 4), s(3), s(3)).shapes(s(5, 3), s(3), s(3)).shapes(s(2, 3, 5), s(3), s(3))
                .ref(r -> NnRef.batchNorm(r[0], RUNNING_MEAN, RUNNING_VAR, r[1], r[2], 1e-5))
                .torch("F.batch_norm(a, torch.tensor([0.1, -0.2, 0.3]), torch.tensor([0.5, 1.5, 2.0]), b, c, "
                        + "training=False)"),
            OpSpec.of("layer_norm", LayerNorm.class, in -> Functional.layerNorm(in[0], in[1].shape(), in[1], in[2]))
                .shapes(s(2, 3, 4), s(3, 4), s(3, 4)).shapes(s(5, 6), s(6), s(6))
                .ref(r -> NnRef.layerNorm(r[0], r[1], r[2], 1e-5))
                .torch("F.layer_norm(a, b.shape, b, c)"),
            OpSpec.of("pad(constant)", ConstantPadNd.class, in -> Functional.pad(in[0], new long[] {1, 2, 0, 1}, 0.5))
                .shapes(s(2, 3, 4)).shapes(s(2, 2, 3, 3)).shapes(s(3, 2))
                .ref(r -> NnRef.pad(r[0], new long[] {1, 2, 0, 1}, 0.5))
                .torch("F.pad(a, (1, 2, 0, 1), value=0.5)").gradFn("ConstantPadNdBackward0"),
            OpSpec.of("pad(negative crops)", ConstantPadNd.class, in -> Functional.pad(in[0], -1, 2, 1, -2))
                .shapes(s(2, 4, 5)).shapes(s(3, 4))
                .ref(r -> NnRef.pad(r[0], new long[] {-1, 2, 1, -2}, 0))
                .torch("F.pad(a, (-1, 2, 1, -2))").gradFn("ConstantPadNdBackward0"));
    }

    private static Tensor constant(double[] values, Tensor like) {
        return Tensor.fromArray(values.clone(), values.length).to(like.dtype());
    }
}
