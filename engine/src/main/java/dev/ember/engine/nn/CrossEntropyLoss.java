package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Cross entropy of raw logits {@code (N, C)} or {@code (N, C, d1, ...)} against class indices
 * ({@code (N)} / {@code (N, d1, ...)}, int64) or class probabilities of the input's shape;
 * mirrors {@code torch.nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)}.
 * The weighted mean divides by the summed weights of the non-ignored targets, as PyTorch does.
 *
 * <pre>{@code
 * Tensor loss = new CrossEntropyLoss().forward(model.forward(x), labels);   // labels: int64 (N)
 * }</pre>
 */
public class CrossEntropyLoss extends Loss {
    private final Tensor weight;
    private final long ignoreIndex;
    private final double labelSmoothing;

    /** Mean reduction, no class weights, ignoreIndex -100, no label smoothing. */
    public CrossEntropyLoss() {
        this(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(null, DEFAULT_IGNORE_INDEX, reduction, 0);
    }

    /** With class weights {@code weight} (C). */
    public CrossEntropyLoss(Tensor weight) {
        this(weight, DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0);
    }

    /** With label smoothing in [0, 1]; mirrors {@code CrossEntropyLoss(label_smoothing=...)}. */
    public CrossEntropyLoss(double labelSmoothing) {
        this(null, DEFAULT_IGNORE_INDEX, Reduction.MEAN, labelSmoothing);
    }

    /** All settings; {@code weight} (C) may be null. */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be in [0, 1], got "
                    + labelSmoothing);
        }
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return weight;
    }

    public long ignoreIndex() {
        return ignoreIndex;
    }

    public double labelSmoothing() {
        return labelSmoothing;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.crossEntropy(input, target, weight, ignoreIndex, reduction(), labelSmoothing);
    }
}
