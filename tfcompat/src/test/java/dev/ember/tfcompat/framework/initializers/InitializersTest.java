package dev.ember.tfcompat.framework.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.family.TType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Initializers: values, types and shapes; random ones by statistics and seeding; TF-Java's quirks kept. */
class InitializersTest {

    @Test
    void constantInitializersConvertTheirValueAsTfCastDoes() {
        assertThat(values(new Zeros<TFloat32>(), TFloat32.class, 2, 3)).containsOnly(0).hasSize(6);
        assertThat(values(new Ones<TInt64>(), TInt64.class, 4)).containsOnly(1).hasSize(4);
        assertThat(values(new Ones<TBool>(), TBool.class, 2)).containsOnly(1);
        assertThat(values(new Constant<TInt32>(2.7), TInt32.class, 3)).containsOnly(2);
        assertThat(values(new Constant<TInt32>(-2.7), TInt32.class, 1)).containsOnly(-2);
        assertThat(values(new Constant<TFloat32>(true), TFloat32.class, 2)).containsOnly(1);
        assertThat(values(new Constant<TFloat64>(0.1), TFloat64.class, 1)).containsOnly(0.1);
        assertThat(values(new Constant<TFloat32>(0.1), TFloat32.class, 1)).containsOnly((double) 0.1f);
        assertThat(values(new Constant<TInt64>(1L << 60), TInt64.class, 1)).containsOnly((double) (1L << 60));
        assertThat(new Zeros<TFloat32>().getName()).isEqualTo("Zeros");
    }

    @Test
    void onesAndConstantRefuseNonNumericTypes() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            assertThatThrownBy(() -> new Ones<TString>().call(tf, tf.constant(new long[] {2}), TString.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Tensor type must be numeric or boolean: TString");
            assertThatThrownBy(() -> new Constant<TString>(1.0).call(tf, tf.constant(new long[] {2}), TString.class))
                    .hasMessage("Tensor type must be numeric or boolean: TString");
        }
    }

    @Test
    void normalInitializersHaveTheirMeanAndSpreadAndRepeatForASeed() {
        double[] n = values(new RandomNormal<TFloat64>(1.0, 0.5, 7), TFloat64.class, 100, 200);
        assertThat(mean(n)).isCloseTo(1.0, within(0.02));
        assertThat(std(n)).isCloseTo(0.5, within(0.01));
        assertThat(values(new RandomNormal<TFloat64>(1.0, 0.5, 7), TFloat64.class, 100, 200)).isEqualTo(n);
        assertThat(values(new RandomNormal<TFloat64>(1.0, 0.5, 8), TFloat64.class, 100, 200)).isNotEqualTo(n);
        double[] t = values(new TruncatedNormal<TFloat32>(1.0, 0.5, 7), TFloat32.class, 100, 200);
        assertThat(Arrays.stream(t).min().getAsDouble()).isGreaterThan(0);
        assertThat(Arrays.stream(t).max().getAsDouble()).isLessThan(2);
        assertThat(std(t)).isCloseTo(0.5 * 0.87962566, within(0.01));
    }

    @Test
    void randomUniformScalesFloatsAndDrawsIntegersInRange() {
        double[] u = values(new RandomUniform<TFloat32>(-1, 3, 1), TFloat32.class, 20000);
        assertThat(Arrays.stream(u).min().getAsDouble()).isGreaterThanOrEqualTo(-1);
        assertThat(Arrays.stream(u).max().getAsDouble()).isLessThan(3);
        assertThat(mean(u)).isCloseTo(1, within(0.03));
        double[] i = values(new RandomUniform<TInt32>(0, 5, 1), TInt32.class, 20000);
        assertThat(Arrays.stream(i).min().getAsDouble()).isEqualTo(0);
        assertThat(Arrays.stream(i).max().getAsDouble()).isEqualTo(4);
    }

    @Test
    void varianceScalingFamiliesScaleByTheirFans() {
        // He, normal: std = sqrt(2 / fan_in)
        assertThat(std(values(new He<TFloat32>(VarianceScaling.Distribution.NORMAL, 3), TFloat32.class, 200, 100)))
                .isCloseTo(Math.sqrt(2.0 / 200), within(0.003));
        // Glorot, truncated normal: the truncated draw is rescaled to std sqrt(1 / fan_avg)
        double[] glorot = values(new Glorot<TFloat32>(VarianceScaling.Distribution.TRUNCATED_NORMAL, 3), TFloat32.class,
                100, 300);
        assertThat(std(glorot)).isCloseTo(Math.sqrt(1.0 / 200), within(0.002));
        assertThat(Arrays.stream(glorot).map(Math::abs).max().getAsDouble())
                .isLessThan(2 * Math.sqrt(1.0 / 200) / 0.87962566103423978);
        // TF-Java 1.0.0: UNIFORM draws in [0, sqrt(3 * scale)), not [-limit, limit)
        double limit = Math.sqrt(3.0 / 100);
        double[] lecun = values(new LeCun<TFloat32>(VarianceScaling.Distribution.UNIFORM, 3), TFloat32.class, 100, 200);
        assertThat(Arrays.stream(lecun).min().getAsDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(lecun).max().getAsDouble()).isLessThan(limit).isGreaterThan(0.95 * limit);
        // TF-Java 1.0.0, rank 4: receptive field = 5 * 5 * 16 (all dims but the last), fan_in = 16 * 400
        double[] conv = values(new VarianceScaling<TFloat32>(1.0, VarianceScaling.Mode.FAN_IN,
                VarianceScaling.Distribution.NORMAL, 3), TFloat32.class, 5, 5, 16, 32);
        assertThat(std(conv)).isCloseTo(Math.sqrt(1.0 / 6400), within(0.0004));
    }

    @Test
    void aNonPositiveScaleIsRefused() {
        assertThatThrownBy(() -> new VarianceScaling<TFloat32>(0, VarianceScaling.Mode.FAN_IN,
                VarianceScaling.Distribution.NORMAL, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale must be greater than 0, got 0.0");
    }

    @Test
    void anInitializerFeedsAVariable() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> init = new Glorot<TFloat32>(VarianceScaling.Distribution.UNIFORM, 1)
                    .call(tf, tf.constant(new long[] {3, 4}), TFloat32.class);
            var w = tf.variable(init);
            assertThat(w.shape()).isEqualTo(Shape.of(3, 4));
            s.initialize();
            try (Result r = s.runner().fetch(w).run()) {
                assertThat(r.get(0).shape()).isEqualTo(Shape.of(3, 4));
            }
        }
    }

    private static <T extends TType> double[] values(Initializer<T> init, Class<T> type, long... dims) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<T> value = init.call(tf, tf.constant(dims), type);
            assertThat(value.type()).isEqualTo(type);
            try (Result r = s.runner().fetch(value).run()) {
                assertThat(r.get(0).shape()).isEqualTo(Shape.of(dims));
                return TypeInfo.toEngine(r.get(0)).to(DType.FLOAT64).toDoubleArray();
            }
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }
}
