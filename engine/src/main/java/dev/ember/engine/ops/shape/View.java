package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/**
 * {@code view} / {@code reshape}: same elements, new shape. A view shares storage when the layout
 * allows (as PyTorch's would); {@code view} fails otherwise, {@code reshape} copies.
 * Mirrors {@code ViewBackward0} / {@code ReshapeAliasBackward0}.
 */
public final class View extends Node {
    private final long[] inputShape;
    private final boolean strict;

    private View(Tensor x, boolean strict) {
        super(x);
        this.inputShape = x.shape();
        this.strict = strict;
    }

    @Override
    public String name() {
        return strict ? "ViewBackward0" : "ReshapeAliasBackward0";
    }

    public static Tensor apply(Tensor x, long[] shape, boolean strict) {
        String op = strict ? "view" : "reshape";
        long[] target = Shapes.inferShape(op, shape, x.numel(), x.shape());
        if (java.util.Arrays.equals(target, x.shape()) && !strict) {
            return x;
        }
        Array v = Kernels.shape().viewOrNull(x.array(), target);
        Tensor out;
        if (v != null) {
            out = Tensor.wrapView(v, x);
        } else if (strict) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride "
                    + "(input shape " + Shapes.str(x.shape()) + ", requested " + Shapes.str(shape)
                    + "): the input is not contiguous. Use .reshape(...) or .contiguous().view(...)");
        } else {
            out = Tensor.wrap(Kernels.shape().reshapeCopy(x.array(), target));
        }
        return record(out, () -> new View(x, strict), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(inputShape)};
    }
}
