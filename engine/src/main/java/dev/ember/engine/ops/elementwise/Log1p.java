package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** {@code log(1 + x)}, accurate near 0; mirrors {@code torch.log1p} ({@code Log1PBackward0}). */
public final class Log1p extends Node {
    private final SavedTensor x;

    private Log1p(Tensor x) {
        super(x);
        this.x = save(x);
    }

    @Override
    public String name() {
        return "Log1PBackward0";
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.LOG1P, x);
        return record(o.out, () -> new Log1p(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.div(x.get().add(1.0))};
    }
}
