package dev.ember.engine.ops.reduce;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.internal.Shapes;

/**
 * Index (int64) of the largest or smallest value, the first on ties, NaN counting as extreme;
 * over all elements (a flat index) or along one dim. Not differentiable. Mirrors
 * {@code torch.argmax} / {@code torch.argmin}.
 */
public final class Argmax {
    private Argmax() {
    }

    /** {@code argmax} ({@code max} true) or {@code argmin}; {@code dim} null means all elements. */
    public static Tensor apply(Tensor x, Integer dim, boolean keepdim, boolean max) {
        String op = max ? "argmax" : "argmin";
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(op + ": not supported for bool tensors (convert with .to(DType.INT64))");
        }
        int[] dims;
        if (dim == null) {
            if (x.numel() == 0) {
                throw new IllegalArgumentException(op + "(): expected a non-empty input, got shape "
                        + java.util.Arrays.toString(x.shape()) + "; to reduce an empty tensor specify the dim");
            }
            dims = new int[0];
        } else {
            int d = Shapes.dim(op, dim, x.dim());
            dims = x.dim() == 0 ? new int[0] : new int[] {d};
            Reduced.checkNonEmpty(op, x, dims);
        }
        return Tensor.wrap(Kernels.reduction().reduce(max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, x.array(), dims,
                keepdim));
    }
}
