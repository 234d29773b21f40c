package dev.ember.tfcompat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Gradients;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.types.TFloat32;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * The layout pass: an NHWC chain runs in NCHW between its ends, with the same results as converting
 * around every op (the session option TF's layout optimizer switch turns off).
 */
class LayoutPassTest {
    private static final long[] X = {2, 9, 8, 3};

    /** A run of {@code build} on fixed inputs: the fetched values and the layout conversions it made. */
    private record Run(List<double[]> values, long transposes) {
    }

    private static Run run(boolean optimise, BiFunction<Ops, Operand<TFloat32>, List<Operand<?>>> build) {
        ConfigProto config = ConfigProto.newBuilder().setGraphOptions(GraphOptions.newBuilder()
                .setRewriteOptions(RewriterConfig.newBuilder().setLayoutOptimizer(
                        optimise ? RewriterConfig.Toggle.ON : RewriterConfig.Toggle.OFF))).build();
        Ember.manualSeed(7);
        Tensor xv = Tensor.randn(X);
        try (Graph g = new Graph(); Session s = new Session(g, config)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(X)));
            List<Operand<?>> outs = build.apply(tf, x);
            Session.Runner r = s.runner().feed(x, (TFloat32) TypeInfo.of(TFloat32.class).fromEngine(xv));
            outs.forEach(r::fetch);
            long before = LayoutPass.transposes();
            try (Result res = r.run()) {
                long transposes = LayoutPass.transposes() - before;
                List<double[]> values = new ArrayList<>();
                for (int i = 0; i < outs.size(); i++) {
                    values.add(TypeInfo.toEngine(res.get(i)).to(dev.ember.engine.DType.FLOAT64).toDoubleArray());
                }
                return new Run(values, transposes);
            }
        }
    }

    private static Operand<TFloat32> filter(Ops tf, long... shape) {
        Ember.manualSeed(shape.length * 31L + shape[3]);
        return tf.constantOf((TFloat32) TypeInfo.of(TFloat32.class).fromEngine(Tensor.randn(shape)));
    }

    /** {@code a * b} (TF op Mul; tfcompat's tf.math has no mul method yet). */
    private static Operand<TFloat32> mul(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.scope().opBuilder("Mul", "Mul").addInput(a.asOutput()).addInput(b.asOutput()).build().output(0);
    }

    /** conv -> bias -> relu -> max pool -> conv, all NHWC. */
    private static List<Operand<?>> chain(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> h = tf.nn.conv2d(x, filter(tf, 3, 3, 3, 4), List.of(1L, 1L, 1L, 1L), "SAME");
        h = tf.nn.biasAdd(h, tf.constant(new float[] {0.1f, -0.2f, 0.3f, 0f}));
        h = tf.nn.relu(h);
        h = tf.nn.maxPool(h, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME");
        h = tf.nn.conv2d(h, filter(tf, 3, 3, 4, 5), List.of(1L, 2L, 2L, 1L), "SAME");
        return List.of(h);
    }

    @Test
    void convBiasReluPoolConvChainTransposesOnceInAndOnceOut() {
        Run optimised = run(true, LayoutPassTest::chain);
        Run plain = run(false, LayoutPassTest::chain);
        assertThat(optimised.transposes()).isEqualTo(2);
        // without the pass: in and out around each of conv, bias add, max pool, conv (relu needs none)
        assertThat(plain.transposes()).isEqualTo(8);
        assertThat(optimised.values().get(0)).hasSize(2 * 3 * 2 * 5).containsExactly(plain.values().get(0));
    }

    @Test
    void fanOutConvertsEachValueOnceAndAddOfTwoNchwValuesStaysNchw() {
        BiFunction<Ops, Operand<TFloat32>, List<Operand<?>>> build = (tf, x) -> {
            Operand<TFloat32> a = tf.nn.conv2d(x, filter(tf, 3, 3, 3, 4), List.of(1L, 1L, 1L, 1L), "SAME");
            Operand<TFloat32> b = tf.nn.conv2d(x, filter(tf, 1, 1, 3, 4), List.of(1L, 1L, 1L, 1L), "SAME");
            Operand<TFloat32> sum = tf.math.add(tf.nn.elu(a), b);
            Operand<TFloat32> scaled = mul(tf, sum, tf.constant(new float[] {1, 2, 3, 4}));
            // a is fetched too: it is converted once, however many NHWC consumers it has
            return List.of(scaled, a, tf.math.add(a, tf.constant(1f)));
        };
        Run optimised = run(true, build);
        Run plain = run(false, build);
        // x in once (shared by both convs), out: scaled, a, a + 1 (the vector and the scalar broadcast in NCHW as views)
        assertThat(optimised.transposes()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            assertThat(optimised.values().get(i)).containsExactly(plain.values().get(i));
        }
    }

    @Test
    void gradientsThroughAnNchwChainEqualThoseWithoutThePass() {
        BiFunction<Ops, Operand<TFloat32>, List<Operand<?>>> build = (tf, x) -> {
            Operand<TFloat32> w = filter(tf, 3, 3, 3, 4);
            Operand<TFloat32> h = tf.nn.conv2d(x, w, List.of(1L, 2L, 2L, 1L), "SAME");
            var bn = tf.nn.fusedBatchNorm(h, tf.constant(new float[] {1, 2, 3, 4}), tf.constant(new float[] {0, 1, 0, 1}),
                    tf.constant(new float[0]), tf.constant(new float[0]));
            Operand<TFloat32> y = tf.nn.avgPool(tf.nn.relu6(bn.y()), List.of(1L, 3L, 3L, 1L), List.of(1L, 2L, 2L, 1L),
                    "SAME");
            Gradients d = tf.gradients(tf.nn.l2Loss(y), List.of(x, h));
            return List.of(y, d.dy(0), d.dy(1));
        };
        Run optimised = run(true, build);
        Run plain = run(false, build);
        for (int i = 0; i < 3; i++) {
            assertThat(optimised.values().get(i)).containsExactly(plain.values().get(i));
        }
    }
}
