package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/**
 * A copy of {@code self} with the slices of {@code source} added at a 1-D integer {@code index}
 * along a dimension (repeated indices add up); mirrors {@code torch.index_add} ({@code IndexAddBackward0}).
 * It is also the backward of {@link IndexSelect}.
 */
public final class IndexAdd extends Node {
    private final int dim;
    private final SavedTensor index;

    private IndexAdd(Tensor self, Tensor source, int dim, Tensor index) {
        super(self, source);
        this.dim = dim;
        this.index = needsInputGrad(1) ? save(index) : null;
    }

    /** {@code self.index_add(dim, index, source)}: source has self's shape except {@code index.numel()} at {@code dim}. */
    public static Tensor apply(Tensor self, int dim, Tensor index, Tensor source) {
        Indices.integral("indexAdd", index);
        Indices.vector("indexAdd", index);
        Indices.sameDtype("indexAdd", "self", self, "source", source);
        if (self.dim() == 0) {
            Shapes.dim("indexAdd", dim, 0);
            return apply(self.reshape(1), 0, index.reshape(-1), source.reshape(-1)).reshape();
        }
        int d = Shapes.dim("indexAdd", dim, self.dim());
        long[] expected = self.shape();
        expected[d] = index.numel();
        if (!java.util.Arrays.equals(expected, source.shape())) {
            throw new IllegalArgumentException("indexAdd: expected source of shape " + Shapes.str(expected)
                    + " (self " + Shapes.str(self.shape()) + " with " + index.numel() + " indices at dimension " + d
                    + "), got " + Shapes.str(source.shape()));
        }
        Indices.inRange("indexAdd", index, d, self.shape()[d]);
        Tensor idx = index.dim() == 0 ? index.reshape(1) : index;
        Tensor out = Tensor.wrap(Kernels.shape().indexAdd(self.array(), d, idx.array(), source.array()));
        return record(out, () -> new IndexAdd(self, source, d, idx), self, source);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? g : null,
            needsInputGrad(1) ? g.indexSelect(dim, index.get()) : null};
    }
}
