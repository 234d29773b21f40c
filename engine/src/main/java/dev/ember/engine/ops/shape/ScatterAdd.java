package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/**
 * A copy of {@code self} with {@code self[index[i][j]][j] += src[i][j]} for {@code dim = 0} (and
 * likewise for other dims; repeated indices add up); mirrors {@code torch.scatter_add}
 * ({@code ScatterAddBackward0}). It is also the backward of {@link Gather}.
 */
public final class ScatterAdd extends Node {
    private final int dim;
    private final SavedTensor index;
    private final long[] srcShape;

    private ScatterAdd(Tensor self, Tensor src, int dim, Tensor index) {
        super(self, src);
        this.dim = dim;
        this.index = needsInputGrad(1) ? save(index) : null;
        this.srcShape = src.shape();
    }

    /**
     * {@code self.scatter_add(dim, index, src)}: index, src and self have one rank; the index is no
     * larger than src anywhere and no larger than self apart from {@code dim}; only the leading
     * corner of src that the index covers is used.
     */
    public static Tensor apply(Tensor self, int dim, Tensor index, Tensor src) {
        Indices.integral("scatterAdd", index);
        Indices.sameDtype("scatterAdd", "self", self, "src", src);
        if (index.dim() != self.dim() || src.dim() != self.dim()) {
            throw new IllegalArgumentException("scatterAdd: self, index and src must have the same number of "
                    + "dimensions, got shapes " + Shapes.str(self.shape()) + ", " + Shapes.str(index.shape()) + " and "
                    + Shapes.str(src.shape()));
        }
        if (self.dim() == 0) {
            Shapes.dim("scatterAdd", dim, 0);
            return apply(self.reshape(1), 0, index.reshape(1), src.reshape(1)).reshape();
        }
        int d = Shapes.dim("scatterAdd", dim, self.dim());
        Gather.notLarger("scatterAdd", index, "src", src.shape(), -1);
        Gather.notLarger("scatterAdd", index, "self", self.shape(), d);
        Indices.inRange("scatterAdd", index, d, self.shape()[d]);
        Tensor out = Tensor.wrap(Kernels.shape().scatterAdd(self.array(), d, index.array(), src.array()));
        return record(out, () -> new ScatterAdd(self, src, d, index), self, src);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? g : null,
            needsInputGrad(1) ? zeroPadTo(g.gather(dim, index.get()), srcShape) : null};
    }

    /** {@code t} with zeros appended at the end of each dimension where {@code shape} is larger. */
    private static Tensor zeroPadTo(Tensor t, long[] shape) {
        Tensor r = t;
        for (int k = 0; k < shape.length; k++) {
            long have = r.shape()[k];
            if (have < shape[k]) {
                long[] z = r.shape();
                z[k] = shape[k] - have;
                r = Tensor.cat(k, r, Tensor.zeros(r.dtype(), z));
            }
        }
        return r;
    }
}
