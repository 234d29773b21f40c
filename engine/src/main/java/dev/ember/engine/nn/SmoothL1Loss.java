package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * {@code 0.5 d^2 / beta} where {@code |d| < beta}, else {@code |d| - 0.5 beta}, for {@code d = x - y};
 * mirrors {@code torch.nn.SmoothL1Loss(reduction, beta)}. {@code beta} 0 is L1.
 */
public class SmoothL1Loss extends Loss {
    private final double beta;

    /** Mean reduction, beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    public SmoothL1Loss(double beta) {
        this(Reduction.MEAN, beta);
    }

    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction);
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("SmoothL1Loss: beta must be >= 0, got " + beta);
        }
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.smoothL1Loss(input, target, reduction(), beta);
    }
}
