package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * Equal-shaped tensors joined along a new dimension; mirrors {@code torch.stack}. A primitive
 * (not unsqueeze + cat) so that the graph shows PyTorch's {@code StackBackward0}.
 */
public final class Stack extends Node {
    private final int dim;

    private Stack(Tensor[] inputs, int dim) {
        super(inputs);
        this.dim = dim;
    }

    /** {@code torch.stack(tensors, dim)}, {@code dim} in {@code [-rank-1, rank]}; inputs promoted to their common dtype. */
    public static Tensor apply(List<Tensor> tensors, int dim) {
        if (tensors == null || tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: expected a non-empty list of tensors");
        }
        Tensor[] ins = Cat.promoted("stack", tensors);
        long[] shape = ins[0].shape();
        for (int i = 1; i < ins.length; i++) {
            if (!Arrays.equals(ins[i].shape(), shape)) {
                throw new IllegalArgumentException("stack: expects each tensor to be equal size, but got "
                        + Shapes.str(shape) + " at entry 0 and " + Shapes.str(ins[i].shape()) + " at entry " + i);
            }
        }
        int rank = shape.length;
        if (dim < -rank - 1 || dim > rank) {
            throw new IllegalArgumentException("stack: dim " + dim + " is out of range for tensors of rank " + rank
                    + " (expected " + (-rank - 1) + ".." + rank + ")");
        }
        int d = dim < 0 ? dim + rank + 1 : dim;
        Array[] parts = new Array[ins.length];
        long[] unsqueezed = Views.insert(shape, d, 1);
        for (int i = 0; i < ins.length; i++) {
            long[] strides = Views.insert(Kernels.shape().strides(ins[i].array()), d, 1);
            parts[i] = Kernels.shape().asStrided(ins[i].array(), unsqueezed, strides, 0);
        }
        Tensor out = Tensor.wrap(Kernels.shape().cat(parts, d));
        return record(out, () -> new Stack(ins, d), ins);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor[] grads = new Tensor[nextFunctions().size()];
        for (int i = 0; i < grads.length; i++) {
            grads[i] = needsInputGrad(i) ? g.select(dim, i) : null;
        }
        return grads;
    }
}
