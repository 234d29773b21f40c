package dev.ember.engine.ops.reduce;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.ValuesIndices;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.internal.Shapes;

/**
 * Largest (or smallest) values along a dim with their int64 indices (the first on ties); mirrors
 * {@code torch.max(x, dim)} / {@code torch.min(x, dim)} ({@code MaxBackward0} / {@code MinBackward0}:
 * the gradient goes to the selected index only).
 */
public final class MaxDim extends Node {
    private final SavedTensor indices;
    private final long[] inputShape;
    private final int dim;
    private final boolean max;

    private MaxDim(Tensor x, Tensor indices, int dim, boolean max) {
        super(x);
        this.indices = save(indices);
        this.inputShape = x.shape();
        this.dim = dim;
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "MaxBackward0" : "MinBackward0";
    }

    /** {@code max(dim, keepdim)} ({@code max} true) or {@code min(dim, keepdim)}. */
    public static ValuesIndices apply(Tensor x, int dim, boolean keepdim, boolean max) {
        String op = max ? "max" : "min";
        int d = Shapes.dim(op, dim, x.dim());
        int[] dims = x.dim() == 0 ? new int[0] : new int[] {d};
        Reduced.checkNonEmpty(op, x, dims);
        // libnd4j has no bool argmax: bools reduce as ints (false < true) and come back as bools.
        Tensor in = x.dtype() == DType.BOOL ? x.to(DType.INT32) : x;
        Tensor values = Tensor.wrap(Kernels.reduction().reduce(max ? ReduceOp.MAX : ReduceOp.MIN, in.array(), dims,
                keepdim));
        Tensor indices = Tensor.wrap(Kernels.reduction().reduce(max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, in.array(),
                dims, keepdim));
        if (x.dtype() == DType.BOOL) {
            values = values.to(DType.BOOL);
        }
        Tensor v = values;
        return new ValuesIndices(record(v, () -> new MaxDim(x, indices, d, max), x), indices);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        if (inputShape.length == 0) {
            return new Tensor[] {g.reshape()};
        }
        int[] dims = {dim};
        long[] kept = Reduced.keptShape(inputShape, dims);
        long[] along = new long[inputShape.length];
        java.util.Arrays.fill(along, 1);
        along[dim] = inputShape[dim];
        // One-hot of the selected index along dim, broadcast over the other dims.
        Tensor selected = Tensor.arange(inputShape[dim]).reshape(along).eq(indices.get().reshape(kept));
        return new Tensor[] {Tensor.where(selected, g.reshape(kept), Tensor.scalar(0.0, g.dtype()))};
    }
}
