package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.UnaryOp;

/** -1, 0 or 1 by sign (keeps int dtypes); mirrors {@code torch.sign} ({@code SignBackward0}, zero gradient). */
public final class Sign extends Node {
    private Sign(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unary("sign", UnaryOp.SIGN, x);
        return record(o.out, () -> new Sign(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zerosLike(g)};
    }
}
