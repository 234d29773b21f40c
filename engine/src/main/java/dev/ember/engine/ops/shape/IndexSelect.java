package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/** The entries at a 1-D integer {@code index} along a dimension (a copy); mirrors {@code torch.index_select} ({@code IndexSelectBackward0}). */
public final class IndexSelect extends Node {
    private final long[] inputShape;
    private final int dim;
    private final SavedTensor index;

    private IndexSelect(Tensor x, int dim, Tensor index) {
        super(x);
        this.inputShape = x.shape();
        this.dim = dim;
        this.index = save(index);
    }

    /** {@code x.index_select(dim, index)}: index values in {@code [0, size)} (no negative indices, as in PyTorch). */
    public static Tensor apply(Tensor x, int dim, Tensor index) {
        Indices.integral("indexSelect", index);
        Indices.vector("indexSelect", index);
        if (x.dim() == 0) {
            Shapes.dim("indexSelect", dim, 0);
            if (index.numel() != 1) {
                throw new IllegalArgumentException("indexSelect: index into a 0-dim tensor can have only 1 value, got "
                        + index.numel());
            }
            return apply(x.reshape(1), 0, index.reshape(1)).reshape();
        }
        int d = Shapes.dim("indexSelect", dim, x.dim());
        Indices.inRange("indexSelect", index, d, x.shape()[d]);
        Tensor out = Tensor.wrap(Kernels.shape().indexSelect(x.array(), d, index.array()));
        return record(out, () -> new IndexSelect(x, d, index), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zeros(g.dtype(), inputShape).indexAdd(dim, index.get(), g)};
    }
}
