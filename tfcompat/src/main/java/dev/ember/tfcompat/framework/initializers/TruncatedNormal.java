package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.framework.utils.CastHelper;
import dev.ember.tfcompat.internal.ops.MathNodes;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TFloating;

/**
 * {@code mean + stddev * N(0, 1)} truncated to 2 standard deviations, from {@code statelessTruncatedNormal}
 * seeded {@code [seed, 0]}; mirrors {@code org.tensorflow.framework.initializers.TruncatedNormal}
 * (Ember's numbers, not TF's).
 */
public class TruncatedNormal<T extends TFloating> extends BaseInitializer<T> {
    public static final double MEAN_DEFAULT = 0.0;
    public static final double STDDEV_DEFAULT = 0.05;

    private final double mean;
    private final double stddev;
    private final long seed;

    public TruncatedNormal(long seed) {
        this(MEAN_DEFAULT, STDDEV_DEFAULT, seed);
    }

    public TruncatedNormal(double mean, double stddev, long seed) {
        this.mean = mean;
        this.stddev = stddev;
        this.seed = seed;
    }

    @Override
    public Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type) {
        Operand<T> distOp = tf.random.statelessTruncatedNormal(dims, tf.constant(new long[] {seed, 0}), type);
        Operand<T> scaled = MathNodes.mul(tf, distOp, CastHelper.cast(tf, tf.constant(stddev), type));
        return tf.math.add(scaled, CastHelper.cast(tf, tf.constant(mean), type));
    }
}
