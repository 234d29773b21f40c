package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.framework.utils.CastHelper;
import dev.ember.tfcompat.framework.utils.ShapeUtils;
import dev.ember.tfcompat.internal.ops.MathNodes;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TFloating;
import org.tensorflow.ndarray.Shape;

/**
 * Values scaled to the fans of the shape; mirrors {@code org.tensorflow.framework.initializers.VarianceScaling}
 * 1.0.0 exactly, including two of its departures from Keras: for rank > 2 the receptive field is the
 * product of all dimensions but the last (Keras: but the last two), and {@code UNIFORM} draws in
 * {@code [0, sqrt(3 * scale))} (Keras: {@code [-limit, limit)}). Random values from the stateless ops
 * seeded {@code [seed, 0]} (Ember's numbers, not TF's).
 */
public class VarianceScaling<T extends TFloating> extends BaseInitializer<T> {
    public static final double SCALE_DEFAULT = 1.0;
    public static final Mode MODE_DEFAULT = Mode.FAN_IN;
    public static final Distribution DISTRIBUTION_DEFAULT = Distribution.TRUNCATED_NORMAL;

    /** Which fan divides the scale. */
    public enum Mode { FAN_IN, FAN_OUT, FAN_AVG }

    /** The distribution drawn from. */
    public enum Distribution { TRUNCATED_NORMAL, NORMAL, UNIFORM }

    private final double scale;
    private final Mode mode;
    private final Distribution distribution;
    private final long seed;

    public VarianceScaling(long seed) {
        this(SCALE_DEFAULT, MODE_DEFAULT, DISTRIBUTION_DEFAULT, seed);
    }

    /** @throws IllegalArgumentException when {@code scale <= 0} */
    public VarianceScaling(double scale, Mode mode, Distribution distribution, long seed) {
        if (scale <= 0.0) {
            throw new IllegalArgumentException("scale must be greater than 0, got " + scale);
        }
        this.scale = scale;
        this.mode = mode;
        this.distribution = distribution;
        this.seed = seed;
    }

    @Override
    public Operand<T> call(Ops tf, Operand<TInt64> dims, Class<T> type) {
        Shape shape = ShapeUtils.toShape(tf.scope(), dims);
        double lscale = scale;
        double[] fans = computeFans(shape);
        switch (mode) {
            case FAN_IN:
                lscale /= Math.max(1.0, fans[0]);
                break;
            case FAN_OUT:
                lscale /= Math.max(1.0, fans[1]);
                break;
            default:
                lscale /= Math.max(1.0, (fans[0] + fans[1]) / 2.0);
                break;
        }
        long[] seeds = {seed, 0};
        switch (distribution) {
            case TRUNCATED_NORMAL: {
                Operand<T> distOp = tf.random.statelessTruncatedNormal(dims, tf.constant(seeds), type);
                // the standard deviation of N(0, 1) truncated to [-2, 2]
                double stddev = Math.sqrt(lscale) / 0.87962566103423978;
                return MathNodes.mul(tf, distOp, CastHelper.cast(tf, tf.constant(stddev), type));
            }
            case NORMAL: {
                Operand<T> distOp = tf.random.statelessRandomNormal(dims, tf.constant(seeds), type);
                return MathNodes.mul(tf, distOp, CastHelper.cast(tf, tf.constant(Math.sqrt(lscale)), type));
            }
            default: {
                Operand<T> distOp = tf.random.statelessRandomUniform(dims, tf.constant(seeds), type);
                double limit = Math.sqrt(3.0 * lscale);
                return MathNodes.mul(tf, distOp, CastHelper.cast(tf, tf.constant(limit), type));
            }
        }
    }

    /** {fan_in, fan_out} as TF-Java 1.0.0 computes them. */
    private double[] computeFans(Shape shape) {
        long[] dims = shape.asArray();
        double fanIn;
        double fanOut;
        if (dims == null || dims.length < 1) {
            fanIn = fanOut = 1;
        } else if (dims.length == 1) {
            fanIn = fanOut = dims[0];
        } else if (dims.length == 2) {
            fanIn = dims[0];
            fanOut = dims[1];
        } else {
            double receptiveFieldSize = 1;
            for (int i = dims.length - 2; i >= 0; i--) {
                receptiveFieldSize *= dims[i];
            }
            fanIn = dims[dims.length - 2] * receptiveFieldSize;
            fanOut = dims[dims.length - 1] * receptiveFieldSize;
        }
        return new double[] {fanIn, fanOut};
    }
}
