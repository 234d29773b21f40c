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

    /** Identity helper kept so the class is never empty while families are added. */
    static Tensor identity(Tensor x) {
        return x;
    }
}
