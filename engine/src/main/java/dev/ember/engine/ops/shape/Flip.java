package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/** The order of entries reversed along the given dims (a copy); mirrors {@code torch.flip} ({@code FlipBackward0}). */
public final class Flip extends Node {
    private final int[] dims;

    private Flip(Tensor x, int[] dims) {
        super(x);
        this.dims = dims;
    }

    /** {@code x.flip(dims)}; negative dims count from the end, a repeated dim is an error. */
    public static Tensor apply(Tensor x, int[] dims) {
        int[] d = Shapes.dims("flip", dims, x.dim());
        Tensor out = Tensor.wrap(Kernels.shape().flip(x.array(), x.dim() == 0 ? new int[0] : d));
        return record(out, () -> new Flip(x, d), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.flip(dims)};
    }
}
