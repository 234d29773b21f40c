package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.internal.Shapes;
import java.util.List;

/** Every entry of a dimension as its own view, that dimension removed; mirrors {@code tensor.unbind} ({@code UnbindBackward0}). */
public final class Unbind extends Node {
    private final int dim;

    private Unbind(Tensor x, int dim) {
        super(x);
        this.dim = dim;
    }

    /** {@code x.unbind(dim)}: {@code x.select(dim, i)} for every i, recorded as one node with several outputs. */
    public static List<Tensor> apply(Tensor x, int dim) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("unbind: a 0-dim tensor has no dimension to unbind");
        }
        int d = Shapes.dim("unbind", dim, x.dim());
        Tensor[] outs = new Tensor[(int) x.shape()[d]];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = Select.view(x, d, i);
        }
        return List.of(recordAll(outs, () -> new Unbind(x, d), x));
    }

    @Override
    protected Tensor[] backward(Tensor[] grads) {
        return new Tensor[] {Tensor.stack(dim, grads)};
    }
}
