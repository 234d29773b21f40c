package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** Natural logarithm; mirrors {@code torch.log} ({@code LogBackward0}). */
public final class Log extends Node {
    private final SavedTensor x;

    private Log(Tensor x) {
        super(x);
        this.x = save(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.LOG, x);
        return record(o.out, () -> new Log(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(x.get())};
    }
}
