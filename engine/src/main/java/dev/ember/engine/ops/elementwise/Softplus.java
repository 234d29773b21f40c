package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.internal.Promotion;

/**
 * {@code log(1 + exp(beta x)) / beta}, and {@code x} itself where {@code beta x > threshold}
 * (PyTorch's linear regime, which also avoids overflow); mirrors {@code F.softplus}
 * ({@code SoftplusBackward0}).
 */
public final class Softplus extends Node {
    private final SavedTensor x;
    private final double beta;
    private final double threshold;

    private Softplus(Tensor x, double beta, double threshold) {
        super(x);
        this.x = save(x);
        this.beta = beta;
        this.threshold = threshold;
    }

    public static Tensor apply(Tensor x, double beta, double threshold) {
        Tensor in = Promotion.floating(x);
        Tensor out = Operands.noGrad(() -> {
            Tensor bx = in.mul(beta);
            return Tensor.where(bx.gt(threshold), in, bx.exp().log1p().div(beta));
        });
        return record(out, () -> new Softplus(in, beta, threshold), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor bx = x.get().mul(beta);
        return new Tensor[] {Tensor.where(bx.gt(threshold), g, g.mul(bx.sigmoid()))};
    }
}
