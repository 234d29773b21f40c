package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/**
 * {@code out[i][j] = x[index[i][j]][j]} for {@code dim = 0} (and likewise for other dims);
 * mirrors {@code torch.gather} ({@code GatherBackward0}). The index has the input's rank and may be
 * smaller than the input in every dimension but {@code dim}.
 */
public final class Gather extends Node {
    private final long[] inputShape;
    private final int dim;
    private final SavedTensor index;

    private Gather(Tensor x, int dim, Tensor index) {
        super(x);
        this.inputShape = x.shape();
        this.dim = dim;
        this.index = save(index);
    }

    /** {@code x.gather(dim, index)}; the output has the index's shape. */
    public static Tensor apply(Tensor x, int dim, Tensor index) {
        Indices.integral("gather", index);
        if (index.dim() != x.dim()) {
            throw new IllegalArgumentException("gather: index must have the same number of dimensions as the input ("
                    + x.dim() + ", shape " + Shapes.str(x.shape()) + "), got index of shape " + Shapes.str(index.shape()));
        }
        if (x.dim() == 0) {
            Shapes.dim("gather", dim, 0);
            return apply(x.reshape(1), 0, index.reshape(1)).reshape();
        }
        int d = Shapes.dim("gather", dim, x.dim());
        notLarger("gather", index, "input", x.shape(), d);
        Indices.inRange("gather", index, d, x.shape()[d]);
        Tensor out = Tensor.wrap(Kernels.shape().gather(x.array(), d, index.array()));
        return record(out, () -> new Gather(x, d, index), x);
    }

    /** Throws unless {@code index} is no larger than {@code shape} in every dimension except {@code skip} (-1: none). */
    static void notLarger(String op, Tensor index, String what, long[] shape, int skip) {
        long[] is = index.shape();
        for (int k = 0; k < is.length; k++) {
            if (k != skip && is[k] > shape[k]) {
                throw new IllegalArgumentException(op + ": index of shape " + Shapes.str(is) + " must be no larger than "
                        + what + " " + Shapes.str(shape) + (skip >= 0 ? " apart from dimension " + skip : "")
                        + " (size " + is[k] + " > " + shape[k] + " at dimension " + k + ")");
            }
        }
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zeros(g.dtype(), inputShape).scatterAdd(dim, index.get(), g)};
    }
}
