package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** Absolute value (keeps int dtypes); mirrors {@code torch.abs} ({@code AbsBackward0}; gradient 0 at 0). */
public final class Abs extends Node {
    private final SavedTensor x;

    private Abs(Tensor x) {
        super(x);
        this.x = save(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unary("abs", UnaryOp.ABS, x);
        return record(o.out, () -> new Abs(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.mul(x.get().sign())};
    }
}
