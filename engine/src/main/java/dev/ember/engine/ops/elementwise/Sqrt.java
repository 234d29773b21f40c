package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** Square root (NaN below 0); mirrors {@code torch.sqrt} ({@code SqrtBackward0}). */
public final class Sqrt extends Node {
    private final SavedTensor result;

    private Sqrt(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.SQRT, x);
        return record(o.out, () -> new Sqrt(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(result.get().mul(2.0))};
    }
}
