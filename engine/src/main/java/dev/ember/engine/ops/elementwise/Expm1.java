package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** {@code exp(x) - 1}, accurate near 0; mirrors {@code torch.expm1} ({@code Expm1Backward0}). */
public final class Expm1 extends Node {
    private final SavedTensor result;

    private Expm1(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.EXPM1, x);
        return record(o.out, () -> new Expm1(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(result.get().add(1.0))};
    }
}
