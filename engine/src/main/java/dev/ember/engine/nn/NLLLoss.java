package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Negative log likelihood of log-probabilities {@code (N, C)} or {@code (N, C, d1, ...)} (e.g.
 * {@link LogSoftmax} outputs) against int64 class indices; mirrors
 * {@code torch.nn.NLLLoss(weight, ignore_index, reduction)}.
 */
public class NLLLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;

    /** Mean reduction, no class weights, ignoreIndex -100. */
    public NLLLoss() {
        this(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    public NLLLoss(Reduction reduction) {
        this(null, DEFAULT_IGNORE_INDEX, reduction);
    }

    /** With class weights {@code weight} (C). */
    public NLLLoss(Tensor weight) {
        this(weight, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /** All settings; {@code weight} (C) may be null. */
    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return weight;
    }

    public long ignoreIndex() {
        return ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.nllLoss(input, target, weight, ignoreIndex, reduction());
    }
}
