package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * {@code log(1 + e^(beta x)) / beta}, linear where {@code beta x > threshold}; mirrors
 * {@code torch.nn.Softplus(beta, threshold)}.
 */
public class Softplus extends Module {
    private final double beta;
    private final double threshold;
    private final String repr;

    /** Beta 1, threshold 20, PyTorch's defaults. */
    public Softplus() {
        this(1, 20, "beta=1, threshold=20");
    }

    /** Threshold 20. */
    public Softplus(double beta) {
        this(beta, 20, "beta=" + PyRepr.pyFloat(beta) + ", threshold=20");
    }

    public Softplus(double beta, double threshold) {
        this(beta, threshold, "beta=" + PyRepr.pyFloat(beta) + ", threshold=" + PyRepr.pyFloat(threshold));
    }

    // PyTorch prints its int defaults as ints and given values as floats.
    private Softplus(double beta, double threshold, String repr) {
        this.beta = beta;
        this.threshold = threshold;
        this.repr = repr;
    }

    public double beta() {
        return beta;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softplus(beta, threshold);
    }

    @Override
    protected String extraRepr() {
        return repr;
    }
}
