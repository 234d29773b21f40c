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

    // ---------------------------------------------------------------- normalisation, dropout, embedding, padding

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
