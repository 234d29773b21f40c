package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * The engine's {@code torch.nn.functional}: activations, convolution, pooling, normalisation,
 * dropout, embedding and padding as static functions on tensors. Each is one delegating line to
 * its op under {@code dev.ember.engine.ops}, or a composition of tensor ops.
 * Layouts are PyTorch's: NCHW activations, OIHW convolution weights.
 */
public final class Functional {
    private Functional() {
    }

    // ---------------------------------------------------------------- linear

    /** {@code x W^T + b} over the last dimension of {@code x}; mirrors {@code F.linear}. {@code bias} may be null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        dev.ember.engine.internal.Checks.rank("linear", "weight", weight, 2, "(out_features, in_features)");
        long in = weight.size(1);
        if (x.dim() == 0 || x.size(-1) != in) {
            throw new IllegalArgumentException("linear: input last dimension " + (x.dim() == 0 ? "(none)" : x.size(-1))
                    + " does not match in_features=" + in + " (input shape " + java.util.Arrays.toString(x.shape())
                    + ", weight shape " + java.util.Arrays.toString(weight.shape()) + ")");
        }
        long[] s = x.shape();
        Tensor x2 = x.dim() == 2 ? x : x.reshape(-1, in);
        Tensor y = dev.ember.engine.ops.linalg.Matmul.mm(x2, weight, false, true);
        if (bias != null) {
            y = y.add(bias);
        }
        if (x.dim() == 2) {
            return y;
        }
        s[s.length - 1] = weight.size(0);
        return y.reshape(s);
    }

    // ---------------------------------------------------------------- activations

    /** {@code max(x, 0)}; mirrors {@code F.relu}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** Leaky ReLU with slope 0.01; mirrors {@code F.leaky_relu}. */
    public static Tensor leakyRelu(Tensor x) {
        return x.leakyRelu();
    }

    /** Leaky ReLU with {@code negativeSlope}; mirrors {@code F.leaky_relu(x, negative_slope)}. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return x.leakyRelu(negativeSlope);
    }

    /** ELU with alpha 1; mirrors {@code F.elu}. */
    public static Tensor elu(Tensor x) {
        return x.elu();
    }

    /** ELU with {@code alpha}; mirrors {@code F.elu(x, alpha)}. */
    public static Tensor elu(Tensor x, double alpha) {
        return x.elu(alpha);
    }

    /** GELU, exact erf form; mirrors {@code F.gelu}. */
    public static Tensor gelu(Tensor x) {
        return x.gelu();
    }

    /** GELU with {@code approximate} "none" or "tanh"; mirrors {@code F.gelu(x, approximate=...)}. */
    public static Tensor gelu(Tensor x, String approximate) {
        return x.gelu(approximate);
    }

    /** Logistic sigmoid; mirrors {@code F.sigmoid}. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** Hyperbolic tangent; mirrors {@code F.tanh}. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** Softplus with beta 1, threshold 20; mirrors {@code F.softplus}. */
    public static Tensor softplus(Tensor x) {
        return x.softplus();
    }

    /** Softplus with {@code beta} and {@code threshold}; mirrors {@code F.softplus(x, beta, threshold)}. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return x.softplus(beta, threshold);
    }

    /** Softmax along {@code dim}; mirrors {@code F.softmax(x, dim)}. */
    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    /** Log-softmax along {@code dim}; mirrors {@code F.log_softmax(x, dim)}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    // ---------------------------------------------------------------- convolution and pooling

    /**
     * 2-D convolution of {@code (N,C,H,W)} input with {@code (out, C/groups, kH, kW)} weight;
     * mirrors {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}. {@code bias}
     * may be null; {@code stride}, {@code dilation} take 1 or 2 values; {@code padding} takes 1,
     * 2 ({@code {pH, pW}}, both sides) or 4 values ({@code {top, bottom, left, right}}).
     *
     * <p>The 4-value form gives TF's {@code padding="SAME"}, which pads asymmetrically when the
     * total is odd (e.g. stride 2 on an even size): per spatial dimension,
     * {@code total = max((ceil(in/stride) - 1) * stride + (k - 1) * dilation + 1 - in, 0)},
     * {@code before = total / 2}, {@code after = total - before} (the extra row goes after).
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] dilation, int groups) {
        return dev.ember.engine.ops.nn.Conv2d.apply(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d} with the same stride, padding and dilation for height and width. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
            int groups) {
        return conv2d(input, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
    }

    /** {@code F.conv2d(input, weight, bias, stride=stride, padding=padding)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(input, weight, bias, stride, padding, 1, 1);
    }

    /** {@code F.conv2d(input, weight, bias)}: stride 1, no padding. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, 1, 0, 1, 1);
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding='same'|'valid', dilation, groups)}: 'valid'
     * is no padding; 'same' (stride 1 only, as in PyTorch) keeps the input's size, padding
     * {@code dilation * (k - 1)} per spatial dimension with the odd one after, which is TF's
     * {@code padding="SAME"} at stride 1.
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding,
            int[] dilation, int groups) {
        if ("valid".equals(padding)) {
            return conv2d(input, weight, bias, stride, new int[] {0}, dilation, groups);
        }
        if (!"same".equals(padding)) {
            throw new IllegalArgumentException("conv2d: invalid padding string '" + padding
                    + "', should be one of {'same', 'valid'}");
        }
        for (int s : stride == null ? new int[0] : stride) {
            if (s != 1) {
                throw new IllegalArgumentException("conv2d: padding='same' is not supported for strided convolutions, "
                        + "got stride " + java.util.Arrays.toString(stride));
            }
        }
        if (weight.dim() != 4 || dilation == null || dilation.length < 1 || dilation.length > 2) {
            // let the op report the bad weight or dilation with its own message
            return conv2d(input, weight, bias, stride, new int[] {0}, dilation, groups);
        }
        int[] pads = new int[4];
        for (int i = 0; i < 2; i++) {
            int total = dilation[dilation.length == 1 ? 0 : i] * (int) (weight.size(2 + i) - 1);
            pads[2 * i] = total / 2;
            pads[2 * i + 1] = total - total / 2;
        }
        return conv2d(input, weight, bias, stride, pads, dilation, groups);
    }

    /**
     * 1-D convolution of {@code (N,C,L)} input with {@code (out, C/groups, kL)} weight; mirrors
     * {@code F.conv1d}. {@code padding} is one value (both sides) or {@code {left, right}}.
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int[] padding, int dilation,
            int groups) {
        return dev.ember.engine.ops.nn.Conv1d.apply(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
            int groups) {
        return conv1d(input, weight, bias, stride, new int[] {padding}, dilation, groups);
    }

    /** {@code F.conv1d(input, weight, bias)}: stride 1, no padding. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, 1, 0, 1, 1);
    }

    /**
     * Transposed 2-D convolution with {@code (C, out/groups, kH, kW)} weight; mirrors
     * {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}.
     * Output size {@code (in - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1}.
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
            int[] outputPadding, int groups, int[] dilation) {
        return dev.ember.engine.ops.nn.ConvTranspose2d.apply(input, weight, bias, stride, padding, outputPadding,
                groups, dilation);
    }

    /** {@code F.conv_transpose2d} with the same values for height and width. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding,
            int outputPadding, int groups, int dilation) {
        return convTranspose2d(input, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {outputPadding},
                groups, new int[] {dilation});
    }

    /** {@code F.conv_transpose2d(input, weight, bias)}: stride 1, no padding. */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) {
        return convTranspose2d(input, weight, bias, 1, 0, 0, 1, 1);
    }

    /**
     * 2-D max pooling of {@code (N,C,H,W)}; mirrors
     * {@code F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)}. A null or
     * empty {@code stride} means the kernel size; padded positions never win.
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        return dev.ember.engine.ops.nn.MaxPool2d.apply(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** {@code F.max_pool2d} with the same values for height and width. */
    public static Tensor maxPool2d(Tensor input, int kernelSize, int stride, int padding, int dilation,
            boolean ceilMode) {
        return maxPool2d(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation},
                ceilMode);
    }

    /** {@code F.max_pool2d(input, kernel_size, stride)}. */
    public static Tensor maxPool2d(Tensor input, int kernelSize, int stride) {
        return maxPool2d(input, kernelSize, stride, 0, 1, false);
    }

    /** {@code F.max_pool2d(input, kernel_size)}: stride = kernel size. */
    public static Tensor maxPool2d(Tensor input, int kernelSize) {
        return maxPool2d(input, kernelSize, kernelSize, 0, 1, false);
    }

    /**
     * 2-D average pooling of {@code (N,C,H,W)}; mirrors
     * {@code F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad)} with
     * PyTorch's divisor rules. A null or empty {@code stride} means the kernel size.
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad) {
        return dev.ember.engine.ops.nn.AvgPool2d.apply(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    /** {@code F.avg_pool2d} with the same values for height and width. */
    public static Tensor avgPool2d(Tensor input, int kernelSize, int stride, int padding, boolean ceilMode,
            boolean countIncludePad) {
        return avgPool2d(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, ceilMode,
                countIncludePad);
    }

    /** {@code F.avg_pool2d(input, kernel_size, stride)} (count_include_pad=True). */
    public static Tensor avgPool2d(Tensor input, int kernelSize, int stride) {
        return avgPool2d(input, kernelSize, stride, 0, false, true);
    }

    /** {@code F.avg_pool2d(input, kernel_size)}: stride = kernel size. */
    public static Tensor avgPool2d(Tensor input, int kernelSize) {
        return avgPool2d(input, kernelSize, kernelSize, 0, false, true);
    }

    /** Adaptive average pooling to {@code {oH, oW}} of {@code (N,C,H,W)} or {@code (C,H,W)}; mirrors {@code F.adaptive_avg_pool2d}. */
    public static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        return dev.ember.engine.ops.nn.AdaptiveAvgPool2d.apply(input, outputSize);
    }

    /** {@code F.adaptive_avg_pool2d(input, size)}: a square output. */
    public static Tensor adaptiveAvgPool2d(Tensor input, int outputSize) {
        return adaptiveAvgPool2d(input, new int[] {outputSize});
    }

    // ---------------------------------------------------------------- normalisation, dropout, embedding, padding

    /**
     * Batch normalisation over channel dimension 1; mirrors
     * {@code F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)}.
     * Training uses batch statistics and updates the running ones in place (no gradient);
     * evaluation uses the running ones. Any of the four tensors may be null (the running
     * statistics not in evaluation).
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        return dev.ember.engine.ops.nn.BatchNorm.apply(input, runningMean, runningVar, weight, bias, training, momentum,
                eps);
    }

    /** {@code F.batch_norm} with PyTorch's defaults momentum 0.1 and eps 1e-5. */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training) {
        return batchNorm(input, runningMean, runningVar, weight, bias, training, 0.1, 1e-5);
    }

    /** Layer normalisation over the trailing {@code normalizedShape}; mirrors {@code F.layer_norm}. Weight and bias may be null. */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return dev.ember.engine.ops.nn.LayerNorm.apply(input, normalizedShape, weight, bias, eps);
    }

    /** {@code F.layer_norm} with PyTorch's default eps 1e-5. */
    public static Tensor layerNorm(Tensor input, long[] normalizedShape, Tensor weight, Tensor bias) {
        return layerNorm(input, normalizedShape, weight, bias, 1e-5);
    }

    /**
     * Inverted dropout; mirrors {@code F.dropout(input, p, training)}, with the mask drawn from
     * {@code generator} ({@code null}: the default generator).
     */
    public static Tensor dropout(Tensor input, double p, boolean training,
            dev.ember.engine.Generator generator) {
        return dev.ember.engine.ops.nn.Dropout.apply(input, p, training, generator);
    }

    /** {@code F.dropout(input, p, training)} from the default generator. */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return dropout(input, p, training, null);
    }

    /** {@code F.dropout(input, p)}: training mode, as PyTorch's default. */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true, null);
    }

    /**
     * Rows of {@code weight} at integer {@code indices}; mirrors
     * {@code F.embedding(input, weight, padding_idx)}. The row {@code paddingIdx} gets no gradient;
     * {@code null} means none and a negative index counts from the end, as in PyTorch.
     */
    public static Tensor embedding(Tensor indices, Tensor weight, Long paddingIdx) {
        return dev.ember.engine.ops.nn.Embedding.apply(indices, weight, paddingIdx);
    }

    /** {@code F.embedding(input, weight)} (no padding row). */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return embedding(indices, weight, null);
    }

    /**
     * One-hot encoding of int64 {@code indices}: shape {@code indices.shape + [numClasses]}, int64;
     * mirrors {@code F.one_hot(tensor, num_classes)} ({@code -1} infers {@code max + 1}).
     */
    public static Tensor oneHot(Tensor indices, long numClasses) {
        return dev.ember.engine.ops.nn.OneHot.apply(indices, numClasses);
    }

    /**
     * Constant padding; mirrors {@code F.pad(input, pads, value=value)}: {@code pads} pairs start
     * from the last dimension ({@code {left, right, top, bottom, ...}}); negative pads crop.
     */
    public static Tensor pad(Tensor input, long[] pads, double value) {
        return dev.ember.engine.ops.nn.ConstantPadNd.apply(input, pads, value);
    }

    /** {@code F.pad(input, pads)}: zero padding. */
    public static Tensor pad(Tensor input, long... pads) {
        return pad(input, pads, 0);
    }

    // ---------------------------------------------------------------- losses

    /**
     * Cross entropy of raw logits and class indices, mean over the batch; mirrors {@code F.cross_entropy(input,
     * target)}.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, Loss.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0);
    }

    /**
     * Cross entropy of raw logits {@code (C)}, {@code (N, C)} or {@code (N, C, d1, ...)} and class indices
     * ({@code ()}, {@code (N)}, {@code (N, d1, ...)}, int64) or class probabilities (the input's shape);
     * {@code weight} (C) may be null. Mirrors {@code F.cross_entropy(input, target, weight,
     * ignore_index=, reduction=, label_smoothing=)}.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        return Losses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }

    /**
     * Negative log likelihood of log-probabilities and class indices, mean; mirrors {@code F.nll_loss(input,
     * target)}.
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, Loss.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /**
     * Negative log likelihood; {@code weight} (C) may be null. Mirrors {@code F.nll_loss(input, target, weight,
     * ignore_index=, reduction=)}.
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return Losses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    /** Mean squared error; mirrors {@code F.mse_loss(input, target)}. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** Squared error; mirrors {@code F.mse_loss(input, target, reduction=)}. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.mseLoss(input, target, reduction);
    }

    /** Mean absolute error; mirrors {@code F.l1_loss(input, target)}. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /** Absolute error; mirrors {@code F.l1_loss(input, target, reduction=)}. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.l1Loss(input, target, reduction);
    }

    /** Smooth L1 with beta 1, mean; mirrors {@code F.smooth_l1_loss(input, target)}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * Smooth L1: quadratic below {@code beta} (>= 0; 0 is L1); mirrors {@code F.smooth_l1_loss(input, target,
     * reduction=, beta=)}.
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return Losses.smoothL1Loss(input, target, reduction, beta);
    }

    /** Huber loss with delta 1, mean; mirrors {@code F.huber_loss(input, target)}. */
    public static Tensor huberLoss(Tensor input, Tensor target) {
        return huberLoss(input, target, Reduction.MEAN, 1.0);
    }

    /**
     * Huber loss: quadratic below {@code delta} (> 0); mirrors {@code F.huber_loss(input, target, reduction=,
     * delta=)}.
     */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return Losses.huberLoss(input, target, reduction, delta);
    }

    /** Binary cross entropy of probabilities in [0, 1], mean; mirrors {@code F.binary_cross_entropy(input, target)}. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /**
     * Binary cross entropy (logs clamped to >= -100); {@code weight} broadcasts to the input, may be null. Mirrors
     * {@code F.binary_cross_entropy(input, target, weight, reduction=)}.
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    /**
     * Sigmoid + binary cross entropy of raw scores, stable, mean; mirrors {@code
     * F.binary_cross_entropy_with_logits(input, target)}.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, Reduction.MEAN, null);
    }

    /**
     * Sigmoid + binary cross entropy of raw scores; {@code weight} and {@code posWeight} (weight of the
     * positive term, e.g. one per class) broadcast to the input and may be null. Mirrors
     * {@code F.binary_cross_entropy_with_logits(input, target, weight, reduction=, pos_weight=)}.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Reduction reduction,
            Tensor posWeight) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, reduction, posWeight);
    }

    /** Identity helper kept so the class is never empty while families are added. */
    static Tensor identity(Tensor x) {
        return x;
    }
}
