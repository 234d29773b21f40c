package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/** Checks shared by the 2-D pooling layers. */
final class Pooling {
    private Pooling() {
    }

    /** PyTorch's rule, checked when the layer is built: padding at most half the kernel size. */
    static void checkPadding(String op, PoolArg kernelSize, PoolArg padding) {
        for (int i = 0; i < 2; i++) {
            if (padding.get(i) > kernelSize.get(i) / 2) {
                throw new IllegalArgumentException(op + ": pad should be at most half of kernel size, but got padding="
                        + padding + " and kernel_size=" + kernelSize);
            }
        }
    }

    /** {@code (N, C, H, W)} input, or unbatched {@code (C, H, W)} given a batch dimension. */
    static Tensor batched(String op, Tensor input) {
        if (input.dim() == 3) {
            return input.unsqueeze(0);
        }
        if (input.dim() != 4) {
            throw new IllegalArgumentException(op + " expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got "
                    + Shapes.str(input.shape()));
        }
        return input;
    }
}
