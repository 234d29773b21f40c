package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/**
 * Batch normalisation of {@code (N, C)} or {@code (N, C, L)} input over the channel dimension 1;
 * mirrors {@code torch.nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True,
 * track_running_stats=True)}. See {@link BatchNormNd} for parameters, buffers and train/eval.
 */
public class BatchNorm1d extends BatchNormNd {

    /** {@code nn.BatchNorm1d(num_features)}. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1);
    }

    /** {@code nn.BatchNorm1d(num_features, eps, momentum)}. */
    public BatchNorm1d(int numFeatures, double eps, double momentum) {
        this(numFeatures, eps, (Double) momentum, true, true);
    }

    /** {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}; {@code momentum} null: cumulative average. */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(name() + ": expected 2D or 3D input (N,C) or (N,C,L), got "
                    + input.dim() + "D input of shape " + Shapes.str(input.shape()));
        }
    }
}
