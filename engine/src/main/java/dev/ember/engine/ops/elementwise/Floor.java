package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.UnaryOp;

/** Largest integer <= x (ints unchanged); mirrors {@code torch.floor} ({@code FloorBackward0}, zero gradient). */
public final class Floor extends Node {
    private Floor(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x) {
        if (x.dtype().isIntegral()) {
            return x.clone();
        }
        Operands o = Operands.unary("floor", UnaryOp.FLOOR, x);
        return record(o.out, () -> new Floor(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zerosLike(g)};
    }
}
