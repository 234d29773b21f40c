package dev.ember.tfcompat.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.random.RandomShuffle;
import dev.ember.tfcompat.op.random.RandomStandardNormal;
import dev.ember.tfcompat.op.random.RandomUniform;
import dev.ember.tfcompat.op.random.RandomUniformInt;
import dev.ember.tfcompat.op.random.TruncatedNormal;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.TString;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Random ops: TF's seeding semantics, shapes and types, distributions (by statistics), bad input. */
class RandomKernelsTest {
    private static final int N = 20_000;

    @Test
    void aSeededOpRepeatsItsSequenceInEverySessionAndDrawsNewValuesEachRun() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> u = tf.random.randomUniform(tf.constant(new int[] {4, 3}), TFloat32.class,
                    RandomUniform.seed(7L), RandomUniform.seed2(3L));
            double[] first;
            double[] second;
            try (Session s = new Session(g)) {
                first = values(s, u);
                second = values(s, u);
            }
            assertThat(second).as("successive runs give new values").isNotEqualTo(first);
            try (Session s = new Session(g)) {
                assertThat(values(s, u)).as("a new session repeats the sequence").isEqualTo(first);
                assertThat(values(s, u)).isEqualTo(second);
            }
            try (Graph g2 = new Graph(); Session s = new Session(g2)) {
                Ops tf2 = Ops.create(g2);
                Operand<TFloat32> same = tf2.random.randomUniform(tf2.constant(new int[] {4, 3}), TFloat32.class,
                        RandomUniform.seed(7L), RandomUniform.seed2(3L));
                Operand<TFloat32> other = tf2.random.randomUniform(tf2.constant(new int[] {4, 3}), TFloat32.class,
                        RandomUniform.seed(7L), RandomUniform.seed2(4L));
                assertThat(values(s, same)).as("same seeds in another graph").isEqualTo(first);
                assertThat(values(s, other)).as("another seed2").isNotEqualTo(first);
            }
        }
    }

    @Test
    void unseededOpsFollowTheEnginesDefaultGenerator() {
        double[][] runs = new double[2][];
        for (int k = 0; k < 2; k++) {
            Ember.manualSeed(123);
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                runs[k] = values(s, tf.random.randomStandardNormal(tf.constant(new long[] {5}), TFloat64.class));
            }
        }
        assertThat(runs[1]).isEqualTo(runs[0]);
    }

    @Test
    void distributionsHaveTheirMomentsAndBounds() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TInt32> shape = tf.constant(new int[] {N});
            double[] u = values(s, tf.random.randomUniform(shape, TFloat32.class, RandomUniform.seed(1L)));
            assertThat(Arrays.stream(u).min().getAsDouble()).isGreaterThanOrEqualTo(0);
            assertThat(Arrays.stream(u).max().getAsDouble()).isLessThan(1);
            assertThat(mean(u)).isCloseTo(0.5, within(0.01));
            assertThat(std(u)).isCloseTo(Math.sqrt(1 / 12.0), within(0.01));
            double[] n = values(s, tf.random.randomStandardNormal(shape, TFloat64.class, RandomStandardNormal.seed(2L)));
            assertThat(mean(n)).isCloseTo(0, within(0.03));
            assertThat(std(n)).isCloseTo(1, within(0.02));
            assertThat(Arrays.stream(n).map(Math::abs).max().getAsDouble()).as("some normal draws pass 2").isGreaterThan(2);
            double[] t = values(s, tf.random.truncatedNormal(shape, TFloat32.class, TruncatedNormal.seed(3L)));
            assertThat(Arrays.stream(t).map(Math::abs).max().getAsDouble()).isLessThan(2);
            assertThat(mean(t)).isCloseTo(0, within(0.02));
            assertThat(std(t)).as("std of N(0,1) truncated to 2 std").isCloseTo(0.87962566, within(0.015));
        }
    }

    @Test
    void uniformIntegersLieInTheRangeWithTheBoundsType() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TInt64> r = tf.random.randomUniformInt(tf.constant(new int[] {N}), tf.constant(-3L), tf.constant(4L),
                    RandomUniformInt.seed(5L));
            assertThat(r.type()).isEqualTo(TInt64.class);
            double[] v = values(s, r);
            assertThat(Arrays.stream(v).min().getAsDouble()).isEqualTo(-3);
            assertThat(Arrays.stream(v).max().getAsDouble()).isEqualTo(3);
            assertThat(mean(v)).isCloseTo(0, within(0.05));
        }
    }

    @Test
    void shuffleIsAPermutationOfTheRows() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            float[][] rows = new float[50][2];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new float[] {i, -i};
            }
            Operand<TFloat32> shuffled = tf.random.randomShuffle(tf.constant(rows), RandomShuffle.seed(9L));
            double[] v = values(s, shuffled);
            double[] firstColumn = new double[50];
            for (int i = 0; i < 50; i++) {
                assertThat(v[2 * i + 1]).as("rows move whole").isEqualTo(-v[2 * i]);
                firstColumn[i] = v[2 * i];
            }
            assertThat(firstColumn).isNotEqualTo(sorted(firstColumn));
            assertThat(sorted(firstColumn)).isEqualTo(java.util.stream.IntStream.range(0, 50).asDoubleStream().toArray());
            Operand<TString> words = tf.random.randomShuffle(tf.constantOf(TString.vectorOf("a", "b", "c", "d", "e")),
                    RandomShuffle.seed(9L));
            try (Result r = s.runner().fetch(words).run()) {
                String[] out = new String[5];
                for (int i = 0; i < 5; i++) {
                    out[i] = ((TString) r.get(0)).getObject(i);
                }
                Arrays.sort(out);
                assertThat(out).containsExactly("a", "b", "c", "d", "e");
            }
        }
    }

    @Test
    void statelessOpsGiveTheSameValuesForTheSameSeedOnEveryRun() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TInt32> shape = tf.constant(new int[] {3, 2});
            Function<long[], Operand<TFloat32>> normal = seed -> tf.random.statelessRandomNormal(shape, tf.constant(seed));
            Operand<TFloat32> a = normal.apply(new long[] {1, 2});
            Operand<TFloat32> b = normal.apply(new long[] {1, 2});
            Operand<TFloat32> c = normal.apply(new long[] {1, 3});
            assertThat(a.shape()).isEqualTo(Shape.of(3, 2));
            double[] first = values(s, a);
            assertThat(values(s, a)).isEqualTo(first);
            assertThat(values(s, b)).isEqualTo(first);
            assertThat(values(s, c)).isNotEqualTo(first);
            double[] t = values(s, tf.random.statelessTruncatedNormal(tf.constant(new int[] {N}),
                    tf.constant(new long[] {4, 0}), TFloat64.class));
            assertThat(Arrays.stream(t).map(Math::abs).max().getAsDouble()).isLessThan(2);
            double[] u = values(s, tf.random.statelessRandomUniform(tf.constant(new int[] {N}), tf.constant(new int[] {4, 0})));
            assertThat(mean(u)).isCloseTo(0.5, within(0.01));
        }
    }

    @Test
    void staticShapesComeFromConstantShapes() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            assertThat(tf.random.randomUniform(tf.constant(new long[] {2, 5}), TFloat32.class).shape())
                    .isEqualTo(Shape.of(2, 5));
            Operand<TInt32> fed = tf.placeholder(TInt32.class,
                    dev.ember.tfcompat.op.core.Placeholder.shape(Shape.of(3)));
            assertThat(tf.random.randomUniform(fed, TFloat32.class).shape().asArray()).containsExactly(-1, -1, -1);
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badArgumentsAreNamedWithTheNode() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            assertThatThrownBy(() -> tf.withName("u").random.randomUniform(tf.constant(new int[] {2}), TInt32.class))
                    .hasMessageContaining("node 'u' (RandomUniform): dtype int32 is not supported");
            assertThatThrownBy(() -> tf.withName("v").random.randomUniform(tf.constant(new float[] {2f}), TFloat32.class))
                    .hasMessageContaining("node 'v' (RandomUniform): shape must be int32 or int64, got float");
            assertThatThrownBy(() -> tf.withName("w").random.randomUniform(tf.constant(new int[] {2, -1}), TFloat32.class))
                    .hasMessageContaining("node 'w' (RandomUniform): shape must not have negative dimensions");
            assertThatThrownBy(() -> tf.withName("x").random.statelessRandomNormal(tf.constant(new int[] {2}),
                    tf.constant(new long[] {1, 2, 3})))
                    .hasMessageContaining("node 'x' (StatelessRandomNormal): seed must have shape [2], not [3]");
            Operand<TInt32> empty = tf.withName("y").random.randomUniformInt(tf.constant(new int[] {2}), tf.constant(5),
                    tf.constant(5));
            assertThatThrownBy(() -> values(s, empty)).isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("node 'y' (RandomUniformInt): Need minval < maxval: 5 >= 5");
        }
    }

    private static double[] values(Session s, Operand<?> o) {
        try (Result r = s.runner().fetch(o).run()) {
            return TypeInfo.toEngine(r.get(0)).to(DType.FLOAT64).toDoubleArray();
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    private static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
