package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Binary cross entropy of probabilities in [0, 1] (e.g. {@link Sigmoid} outputs), logs clamped to
 * {@code >= -100}; mirrors {@code torch.nn.BCELoss(weight, reduction)}. For raw scores use
 * {@link BCEWithLogitsLoss}, which is numerically stable.
 */
public class BCELoss extends Loss {
    private final Tensor weight;

    /** Mean reduction, no weight. */
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        this(null, reduction);
    }

    /** {@code weight} (broadcast to the input, e.g. per element or per class) may be null. */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
    }

    /** The weight, or null. */
    public Tensor weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, weight, reduction());
    }
}
