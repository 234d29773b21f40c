package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.internal.Shapes;

/** A size-1 dimension inserted at {@code dim}, as a view; mirrors {@code tensor.unsqueeze} ({@code UnsqueezeBackward0}). */
public final class Unsqueeze extends Node {
    private final int dim;

    private Unsqueeze(Tensor x, int dim) {
        super(x);
        this.dim = dim;
    }

    /** {@code x.unsqueeze(dim)} with {@code dim} in {@code [-rank-1, rank]}, as in PyTorch. */
    public static Tensor apply(Tensor x, int dim) {
        int rank = x.dim();
        if (dim < -rank - 1 || dim > rank) {
            throw new IllegalArgumentException("unsqueeze: dim " + dim + " is out of range for a tensor of rank "
                    + rank + " " + Shapes.str(x.shape()) + " (expected " + (-rank - 1) + ".." + rank + ")");
        }
        int d = dim < 0 ? dim + rank + 1 : dim;
        long[] shape = x.shape();
        long[] strides = Views.strides(x);
        // PyTorch's stride for the new dimension: the extent of the dimensions after it.
        long stride = d < rank ? shape[d] * strides[d] : 1;
        Tensor out = Views.of(x, Views.insert(shape, d, 1), Views.insert(strides, d, stride), 0);
        return record(out, () -> new Unsqueeze(x, d), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.squeeze(dim)};
    }
}
