package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** The Gauss error function; mirrors {@code torch.erf} ({@code ErfBackward0}). Exact GELU is built on it. */
public final class Erf extends Node {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private final SavedTensor x;

    private Erf(Tensor x) {
        super(x);
        this.x = save(x);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.ERF, x);
        return record(o.out, () -> new Erf(o.a), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        return new Tensor[] {g.mul(v.mul(v).neg().exp().mul(TWO_OVER_SQRT_PI))};
    }
}
