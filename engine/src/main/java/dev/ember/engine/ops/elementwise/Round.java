package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.UnaryOp;

/** Nearest integer, halves to even (ints unchanged); mirrors {@code torch.round} ({@code RoundBackward0}, zero gradient). */
public final class Round extends Node {
    private Round(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x) {
        if (x.dtype().isIntegral()) {
            return x.clone();
        }
        Operands o = Operands.unary("round", UnaryOp.ROUND, x);
        return record(o.out, () -> new Round(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zerosLike(g)};
    }
}
