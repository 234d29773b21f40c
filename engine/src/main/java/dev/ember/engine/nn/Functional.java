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

    // ---------------------------------------------------------------- activations

    // ---------------------------------------------------------------- convolution and pooling

    // ---------------------------------------------------------------- normalisation, dropout, embedding, padding

    /** Identity helper kept so the class is never empty while families are added. */
    static Tensor identity(Tensor x) {
        return x;
    }
}
