package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.internal.Promotion;

/** {@code x > 0 ? x : alpha * (exp(x) - 1)}; mirrors {@code F.elu} ({@code EluBackward0}). */
public final class Elu extends Node {
    private final SavedTensor x;
    private final double alpha;

    private Elu(Tensor x, double alpha) {
        super(x);
        this.x = save(x);
        this.alpha = alpha;
    }

    public static Tensor apply(Tensor x, double alpha) {
        Tensor in = Promotion.floating(x);
        Tensor out = Operands.noGrad(() -> Tensor.where(in.gt(0.0), in, in.expm1().mul(alpha)));
        return record(out, () -> new Elu(in, alpha), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        return new Tensor[] {Tensor.where(v.gt(0.0), g, g.mul(v.exp().mul(alpha)))};
    }
}
