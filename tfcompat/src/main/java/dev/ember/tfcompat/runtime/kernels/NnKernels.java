package dev.ember.tfcompat.runtime.kernels;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.OpRegistry;

/** Neural-network ops: activations, convolution, pooling, normalisation, losses (NHWC by default, as in TF). */
public final class NnKernels {
    private NnKernels() {
    }

    public static void register() {
        OpRegistry.register("Relu", Kernels.unary(Tensor::relu));
    }
}
