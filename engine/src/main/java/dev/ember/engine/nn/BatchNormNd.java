package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/**
 * What the batch-norm layers share; mirrors PyTorch's {@code _BatchNorm}: parameters
 * {@code weight} (ones) and {@code bias} (zeros) when {@code affine}; buffers
 * {@code running_mean} (zeros), {@code running_var} (ones) and {@code num_batches_tracked}
 * (int64 scalar 0) when {@code trackRunningStats}.
 *
 * <p>Training normalises with the batch statistics and, when tracking, updates the running ones
 * with {@code momentum} (or, with {@code momentum} null, their cumulative average, weight
 * {@code 1 / num_batches_tracked}) and counts the batch. Evaluation normalises with the running
 * statistics when they are tracked, else with the batch's.
 */
public abstract class BatchNormNd extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    BatchNormNd(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException(name() + ": num_features must be > 0, got " + numFeatures);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException(name() + ": eps must be >= 0, got " + eps);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = registerParameter("weight", affine ? Tensor.ones(numFeatures) : null);
        this.bias = registerParameter("bias", affine ? Tensor.zeros(numFeatures) : null);
        this.runningMean = registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        this.runningVar = registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        this.numBatchesTracked = registerBuffer("num_batches_tracked",
                trackRunningStats ? Tensor.zeros(DType.INT64) : null);
    }

    /** Throws unless {@code input} has a rank this layer accepts (PyTorch's {@code _check_input_dim}). */
    protected abstract void checkInputDim(Tensor input);

    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException(name() + ": expected input with " + numFeatures
                    + " channels (dimension 1), got input of shape " + Shapes.str(input.shape()));
        }
        double factor = momentum == null ? 0.0 : momentum;
        boolean tracking = runningMean != null;
        if (isTraining() && tracking) {
            try (NoGrad ignored = NoGrad.enter()) {
                numBatchesTracked.add_(1);
            }
            if (momentum == null) {
                factor = 1.0 / numBatchesTracked.item();
            }
        }
        boolean useBatchStats = isTraining() || !tracking;
        return Functional.batchNorm(input, tracking ? runningMean : null, tracking ? runningVar : null, weight, bias,
                useBatchStats, factor, eps);
    }

    /** Running mean back to zeros, variance to ones, count to 0; mirrors {@code reset_running_stats()}. */
    public void resetRunningStats() {
        if (runningMean != null) {
            try (NoGrad ignored = NoGrad.enter()) {
                runningMean.zero_();
                runningVar.fill_(1);
                numBatchesTracked.zero_();
            }
        }
    }

    /** Running stats reset, weight to ones, bias to zeros; mirrors {@code reset_parameters()}. */
    public void resetParameters() {
        resetRunningStats();
        if (weight != null) {
            Init.ones_(weight);
            Init.zeros_(bias);
        }
    }

    public int numFeatures() {
        return numFeatures;
    }

    public double eps() {
        return eps;
    }

    /** The momentum, or {@code null} for a cumulative moving average. */
    public Double momentum() {
        return momentum;
    }

    /** The weight, or {@code null} without {@code affine}. */
    public Tensor weight() {
        return weight;
    }

    /** The bias, or {@code null} without {@code affine}. */
    public Tensor bias() {
        return bias;
    }

    /** The running mean, or {@code null} without {@code trackRunningStats}. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running variance (unbiased), or {@code null} without {@code trackRunningStats}. */
    public Tensor runningVar() {
        return runningVar;
    }

    /** The number of training batches seen (int64 scalar), or {@code null} without {@code trackRunningStats}. */
    public Tensor numBatchesTracked() {
        return numBatchesTracked;
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + PyRepr.pyFloat(eps) + ", momentum="
                + (momentum == null ? "None" : PyRepr.pyFloat(momentum)) + ", affine=" + py(weight != null)
                + ", track_running_stats=" + py(runningMean != null);
    }
}
