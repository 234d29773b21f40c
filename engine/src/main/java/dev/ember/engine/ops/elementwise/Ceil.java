package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.UnaryOp;

/** Smallest integer >= x (ints unchanged); mirrors {@code torch.ceil} ({@code CeilBackward0}, zero gradient). */
public final class Ceil extends Node {
    private Ceil(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x) {
        if (x.dtype().isIntegral()) {
            return x.clone();
        }
        Operands o = Operands.unary("ceil", UnaryOp.CEIL, x);
        return record(o.out, () -> new Ceil(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zerosLike(g)};
    }
}
