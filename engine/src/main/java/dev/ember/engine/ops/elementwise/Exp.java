package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** {@code e ** x}; mirrors {@code torch.exp} ({@code ExpBackward0}). */
public final class Exp extends Node {
    private final SavedTensor result;

    private Exp(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.EXP, x);
        return record(o.out, () -> new Exp(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(result.get())};
    }
}
