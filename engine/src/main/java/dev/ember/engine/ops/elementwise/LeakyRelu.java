package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.internal.Promotion;

/** {@code x > 0 ? x : slope * x}; mirrors {@code F.leaky_relu} ({@code LeakyReluBackward0}). */
public final class LeakyRelu extends Node {
    private final SavedTensor x;
    private final double slope;

    private LeakyRelu(Tensor x, double slope) {
        super(x);
        this.x = save(x);
        this.slope = slope;
    }

    public static Tensor apply(Tensor x, double negativeSlope) {
        Tensor in = Promotion.floating(x);
        Tensor out = Operands.noGrad(() -> Tensor.where(in.gt(0.0), in, in.mul(negativeSlope)));
        return record(out, () -> new LeakyRelu(in, negativeSlope), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.where(x.get().gt(0.0), g, g.mul(slope))};
    }
}
