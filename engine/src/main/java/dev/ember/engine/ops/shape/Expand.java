package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import dev.ember.engine.ops.Broadcasting;

/**
 * Broadcast to a larger shape; mirrors {@code tensor.expand} / {@code torch.broadcast_to}
 * ({@code ExpandBackward0}). PyTorch returns a stride-0 view; here the result is a copy, so
 * writing into it does not write into the input.
 */
public final class Expand extends Node {
    private final long[] inputShape;

    private Expand(Tensor x) {
        super(x);
        this.inputShape = x.shape();
    }

    public static Tensor apply(Tensor x, long[] shape) {
        long[] in = x.shape();
        if (shape.length < in.length) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + shape.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + in.length + ")");
        }
        long[] target = shape.clone();
        int lead = shape.length - in.length;
        for (int i = 0; i < shape.length; i++) {
            long have = i < lead ? 1 : in[i - lead];
            if (target[i] == -1) {
                if (i < lead) {
                    throw new IllegalArgumentException("expand: -1 is not allowed in a leading, new dimension ("
                            + Shapes.str(shape) + ")");
                }
                target[i] = have;
            } else if (have != target[i] && have != 1) {
                throw new IllegalArgumentException("expand: the expanded size of the tensor (" + target[i]
                        + ") must match the existing size (" + have + ") at non-singleton dimension " + i
                        + ". Target sizes: " + Shapes.str(shape) + ". Tensor sizes: " + Shapes.str(in));
            }
        }
        Tensor out = Tensor.wrap(Kernels.shape().expand(x.array(), target));
        return record(out, () -> new Expand(x), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Broadcasting.sumTo(g, inputShape)};
    }
}
