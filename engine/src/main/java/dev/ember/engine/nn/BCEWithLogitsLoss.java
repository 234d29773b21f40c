package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Sigmoid and binary cross entropy in one numerically stable step, on raw scores; mirrors
 * {@code torch.nn.BCEWithLogitsLoss(weight, reduction, pos_weight)}. {@code posWeight} scales the
 * positive term (e.g. one value per class, broadcast along the last dimension).
 */
public class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    /** Mean reduction, no weights. */
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this(null, reduction, null);
    }

    /** {@code weight} and {@code posWeight} broadcast to the input; either may be null. */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.posWeight = registerBuffer("pos_weight", posWeight);
    }

    /** The weight, or null. */
    public Tensor weight() {
        return weight;
    }

    /** The positive-class weight, or null. */
    public Tensor posWeight() {
        return posWeight;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, weight, reduction(), posWeight);
    }
}
