package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** Squared error {@code (x - y)^2}; mirrors {@code torch.nn.MSELoss(reduction)}. Target and input have one shape. */
public class MSELoss extends Loss {
    /** Mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.mseLoss(input, target, reduction());
    }
}
