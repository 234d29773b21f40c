package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * {@code 0.5 d^2} where {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)}, for {@code d = x - y};
 * mirrors {@code torch.nn.HuberLoss(reduction, delta)}.
 */
public class HuberLoss extends Loss {
    private final double delta;

    /** Mean reduction, delta 1. */
    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(double delta) {
        this(Reduction.MEAN, delta);
    }

    public HuberLoss(Reduction reduction, double delta) {
        super(reduction);
        if (!(delta > 0)) {
            throw new IllegalArgumentException("HuberLoss: delta must be > 0, got " + delta);
        }
        this.delta = delta;
    }

    public double delta() {
        return delta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.huberLoss(input, target, reduction(), delta);
    }
}
