package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** Absolute error {@code |x - y|}; mirrors {@code torch.nn.L1Loss(reduction)}. Target and input have one shape. */
public class L1Loss extends Loss {
    /** Mean reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.l1Loss(input, target, reduction());
    }
}
