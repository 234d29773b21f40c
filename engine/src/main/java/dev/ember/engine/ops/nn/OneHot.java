package dev.ember.engine.ops.nn;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;

/**
 * One-hot encoding of int64 class indices: the output has shape {@code indices.shape + [numClasses]},
 * int64, 1 at each index and 0 elsewhere; mirrors {@code torch.nn.functional.one_hot}. Not
 * differentiable (integer output), so no node; composed from {@code arange} and {@code eq}.
 */
public final class OneHot {
    private OneHot() {
    }

    /** {@code F.one_hot(indices, num_classes)}; {@code numClasses = -1} means {@code indices.max() + 1}. */
    public static Tensor apply(Tensor indices, long numClasses) {
        String op = "one_hot";
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + " is only applicable to index tensors (int64), got "
                    + indices.dtype());
        }
        if (numClasses < -1 || numClasses == 0 && indices.numel() > 0) {
            throw new IllegalArgumentException(op + ": numClasses must be positive or -1 (inferred), got "
                    + numClasses);
        }
        long[] values = indices.toLongArray();
        long max = -1;
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException(op + ": class values must be non-negative, got " + v);
            }
            max = Math.max(max, v);
        }
        long classes = numClasses;
        if (classes == -1) {
            if (values.length == 0) {
                throw new IllegalArgumentException(op + ": cannot infer the number of classes from an empty tensor");
            }
            classes = max + 1;
        } else if (max >= classes) {
            throw new IllegalArgumentException(op + ": class values must be smaller than numClasses (" + classes
                    + "), got " + max);
        }
        return Tensor.arange(classes).eq(indices.unsqueeze(-1)).to(DType.INT64);
    }
}
