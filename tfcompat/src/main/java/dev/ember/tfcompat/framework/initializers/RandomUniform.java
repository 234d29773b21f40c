package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.framework.utils.CastHelper;
import dev.ember.tfcompat.internal.ops.MathNodes;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.random.RandomUniformInt;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TIntegral;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Uniform values in {@code [minval, maxval)}; mirrors {@code org.tensorflow.framework.initializers.RandomUniform}:
 * integer types use {@code randomUniformInt} with op seed {@code seed}, floating types
 * {@code statelessRandomUniform} seeded {@code [seed, 0]}, scaled and shifted (Ember's numbers, not TF's).
 */
public class RandomUniform<T extends TNumber> extends BaseInitializer<T> {
    public static final double MINVAL_DEFAULT = -0.05;
    public static final double MAXVAL_DEFAULT = 0.05;

    private final Double minval;
    private final Double maxval;
    private final long seed;

    public RandomUniform(long seed) {
        this(MINVAL_DEFAULT, MAXVAL_DEFAULT, seed);
    }

    public RandomUniform(double minval, double maxval, long seed) {
        this.minval = minval;
        this.maxval = maxval;
        this.seed = seed;
    }

    @Override
    public Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type) {
        if (TIntegral.class.isAssignableFrom(type)) {
            RandomUniformInt.Options options = RandomUniformInt.seed(seed);
            return tf.random.randomUniformInt(dims, CastHelper.cast(tf, tf.constant(minval), type),
                    CastHelper.cast(tf, tf.constant(maxval), type), options);
        }
        Operand<T> distOp = tf.random.statelessRandomUniform(dims, tf.constant(new long[] {seed, 0}), type);
        if (minval == 0) {
            if (maxval != 1.0) {
                distOp = MathNodes.mul(tf, distOp, CastHelper.cast(tf, tf.constant(maxval), type));
            }
            return distOp;
        }
        distOp = MathNodes.mul(tf, distOp, CastHelper.cast(tf, tf.constant(maxval - minval), type));
        return tf.math.add(distOp, CastHelper.cast(tf, tf.constant(minval), type));
    }
}
