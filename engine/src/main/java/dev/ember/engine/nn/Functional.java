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

    // ---------------------------------------------------------------- convolution and pooling

    // ---------------------------------------------------------------- normalisation, dropout, embedding, padding

    /** Identity helper kept so the class is never empty while families are added. */
    static Tensor identity(Tensor x) {
        return x;
    }
}
