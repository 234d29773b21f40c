package dev.ember.parity.tfcompat;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomShuffle;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.op.random.RandomUniformInt;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Random ops against real TF. TF's Philox streams are not reproduced, so values are compared as
 * distributions (moments, bounds; TruncatedNormal's cut at 2 standard deviations) or permutations,
 * and the seeding semantics as behaviour on both runtimes: a seeded op repeats its sequence in a fresh
 * session, each run of a stateful op draws new values, a stateless op gives the same values each run.
 */
final class RandomParityCases {
    private static final long N = 20_000;
    private static final double INF = Double.POSITIVE_INFINITY;

    private RandomParityCases() {
    }

    static List<TfProgramParity> cases() {
        return List.of(
            twoDraws("RandomUniform float", tf -> tf.random.randomUniform(shape(tf), TFloat32.class,
                    RandomUniform.seed(42L), RandomUniform.seed2(7L))).distribution("r", 0, 1),
            twoDraws("RandomUniform double, seed2 only", tf -> tf.random.randomUniform(shape(tf), TFloat64.class,
                    RandomUniform.seed2(5L))).distribution("r", 0, 1),
            twoDraws("RandomStandardNormal", tf -> tf.random.randomStandardNormal(shape(tf), TFloat32.class,
                    RandomStandardNormal.seed(3L))).distribution("r", -INF, INF),
            twoDraws("TruncatedNormal float", tf -> tf.random.truncatedNormal(shape(tf), TFloat32.class,
                    TruncatedNormal.seed(11L))).distribution("r", -2, 2),
            twoDraws("TruncatedNormal double", tf -> tf.random.truncatedNormal(shape(tf), TFloat64.class,
                    TruncatedNormal.seed(12L), TruncatedNormal.seed2(1L))).distribution("r", -2, 2),
            twoDraws("RandomUniformInt int32", tf -> tf.random.randomUniformInt(shape(tf), tf.constant(-3),
                    tf.constant(5), RandomUniformInt.seed(8L))).distribution("r", -3, 5),
            twoDraws("RandomUniformInt int64", tf -> tf.random.randomUniformInt(shape(tf), tf.constant(100L),
                    tf.constant(1100L), RandomUniformInt.seed(9L))).distribution("r", 100, 1100),
            twoDraws("RandomShuffle", tf -> tf.random.randomShuffle(tf.constant(rows(1000)), RandomShuffle.seed(4L)))
                    .permutation("r"),
            twoDraws("StatelessRandomUniform", tf -> tf.random.statelessRandomUniform(shape(tf), seed(tf)))
                    .statelessDistribution("r", 0, 1),
            twoDraws("StatelessRandomNormal", tf -> tf.random.statelessRandomNormal(shape(tf), seed(tf),
                    TFloat64.class)).statelessDistribution("r", -INF, INF),
            twoDraws("StatelessTruncatedNormal", tf -> tf.random.statelessTruncatedNormal(shape(tf), seed(tf)))
                    .statelessDistribution("r", -2, 2));
    }

    private interface Draw {
        Operand<? extends TType> build(Ops tf);
    }

    /** A program fetching the random node {@code r} twice, in two runs. */
    private static TfProgramParity twoDraws(String name, Draw draw) {
        return TfProgramParity.of(name)
                .build(tf -> tf.withName("r").identity(draw.build(tf)))
                .fetch("r")
                .fetch("r");
    }

    /** Rows {i, -i}: a shuffle must move whole rows. */
    private static float[][] rows(int n) {
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new float[] {i, -i};
        }
        return rows;
    }

    private static Operand<TInt64> shape(Ops tf) {
        return tf.constant(new long[] {N});
    }

    private static Operand<TInt32> seed(Ops tf) {
        return tf.constant(new int[] {7, 3});
    }
}
