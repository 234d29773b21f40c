package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** {@code 1 / x} (ints give float32); mirrors {@code torch.reciprocal} ({@code ReciprocalBackward0}). */
public final class Reciprocal extends Node {
    private final SavedTensor result;

    private Reciprocal(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.RECIPROCAL, x);
        return record(o.out, () -> new Reciprocal(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor r = result.get();
        return new Tensor[] {g.mul(r.mul(r)).neg()};
    }
}
