package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.UnaryOp;

/** {@code -x}; mirrors {@code torch.neg} ({@code NegBackward0}). */
public final class Neg extends Node {
    private Neg(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unary("neg", UnaryOp.NEG, x);
        return record(o.out, () -> new Neg(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.neg()};
    }
}
