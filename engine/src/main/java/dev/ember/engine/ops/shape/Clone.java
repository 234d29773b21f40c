package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;

/** A row-major copy with its own storage; mirrors {@code tensor.clone()} ({@code CloneBackward0}). */
public final class Clone extends Node {
    private Clone(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x) {
        Tensor out = Tensor.wrap(Kernels.shape().contiguous(x.array()));
        return record(out, () -> new Clone(x), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }
}
