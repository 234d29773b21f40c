package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** Hyperbolic tangent; mirrors {@code torch.tanh} ({@code TanhBackward0}). */
public final class Tanh extends Node {
    private final SavedTensor result;

    private Tanh(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.TANH, x);
        return record(o.out, () -> new Tanh(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor y = result.get();
        return new Tensor[] {g.mul(y.mul(y).neg().add(1.0))};
    }
}
