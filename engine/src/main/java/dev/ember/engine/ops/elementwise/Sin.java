package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** Sine; mirrors {@code torch.sin} ({@code SinBackward0}). */
public final class Sin extends Node {
    private final SavedTensor x;

    private Sin(Tensor x) {
        super(x);
        this.x = save(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.SIN, x);
        return record(o.out, () -> new Sin(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(x.get().cos())};
    }
}
