package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.internal.Shapes;

/** Entry {@code index} of a dimension, that dimension removed, as a view; mirrors {@code tensor.select} / {@code x[:, i]} ({@code SelectBackward0}). */
public final class Select extends Node {
    private final long[] inputShape;
    private final int dim;
    private final long index;

    private Select(Tensor x, int dim, long index) {
        super(x);
        this.inputShape = x.shape();
        this.dim = dim;
        this.index = index;
    }

    /** {@code x.select(dim, index)}; a negative index counts from the end. */
    public static Tensor apply(Tensor x, int dim, long index) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("select() cannot be applied to a 0-dim tensor");
        }
        int d = Shapes.dim("select", dim, x.dim());
        long i = checkIndex("select", x, d, index);
        return record(view(x, d, i), () -> new Select(x, d, i), x);
    }

    /** {@code index} made non-negative for dimension {@code d} of {@code x}; throws naming {@code op}. */
    static long checkIndex(String op, Tensor x, int d, long index) {
        long size = x.shape()[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + index + " is out of range for dimension " + d
                    + " with size " + size + " (tensor of shape " + Shapes.str(x.shape()) + ")");
        }
        return index < 0 ? index + size : index;
    }

    /** The view {@code x[..., i, ...]} at dimension {@code d} (no graph recorded). */
    static Tensor view(Tensor x, int d, long i) {
        long[] strides = Views.strides(x);
        return Views.of(x, Views.remove(x.shape(), d), Views.remove(strides, d), i * strides[d]);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zeros(g.dtype(), inputShape).sliceScatter(g.unsqueeze(dim), dim, index, index + 1, 1)};
    }
}
