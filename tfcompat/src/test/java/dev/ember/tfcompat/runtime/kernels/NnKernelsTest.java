package dev.ember.tfcompat.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Gradients;
import dev.ember.tfcompat.op.nn.Conv2d;
import dev.ember.tfcompat.op.nn.Conv2dBackpropFilter;
import dev.ember.tfcompat.op.nn.Conv2dBackpropInput;
import dev.ember.tfcompat.op.nn.DepthwiseConv2dNativeBackpropFilter;
import dev.ember.tfcompat.op.nn.DepthwiseConv2dNativeBackpropInput;
import dev.ember.tfcompat.op.nn.FusedBatchNorm;
import dev.ember.tfcompat.types.TFloat32;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code tf.nn} kernels against hand-computed values (TF's SAME padding, pooling counts, batch-norm
 * statistics, gradient-op boundaries), and gradient ops against the engine's autograd where TF's own
 * gradients cannot serve as the reference (dilated and EXPLICIT convolutions).
 */
class NnKernelsTest {
    private static final List<Long> ONES = List.of(1L, 1L, 1L, 1L);

    /** Runs the graph {@code build} makes and returns each fetched output as doubles. */
    private static List<double[]> run(Function<Ops, List<Operand<?>>> build) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            List<Operand<?>> outs = build.apply(Ops.create(g));
            Session.Runner r = s.runner();
            outs.forEach(r::fetch);
            try (Result res = r.run()) {
                List<double[]> values = new ArrayList<>();
                for (int i = 0; i < outs.size(); i++) {
                    values.add(TypeInfo.toEngine(res.get(i)).to(DType.FLOAT64).toDoubleArray());
                }
                return values;
            }
        }
    }

    private static Operand<TFloat32> constant(Ops tf, Tensor t) {
        return tf.constantOf((TFloat32) TypeInfo.of(TFloat32.class).fromEngine(t));
    }

    /** 1..16 as a 1x4x4x1 NHWC image. */
    private static Operand<TFloat32> image(Ops tf, double sign) {
        return constant(tf, Tensor.arange(1, 17, 1).to(DType.FLOAT32).mul(sign).reshape(1, 4, 4, 1));
    }

    @Test
    void sameWithStride2PadsTheExtraRowAndColumnAfter() {
        // 4x4, k 3, s 2: 1 pixel of padding in total per dimension, all of it at the bottom / right
        double[] y = run(tf -> List.of(tf.nn.conv2d(image(tf, 1), constant(tf, Tensor.ones(3, 3, 1, 1)),
                List.of(1L, 2L, 2L, 1L), "SAME"))).get(0);
        assertThat(y).containsExactly(1 + 2 + 3 + 5 + 6 + 7 + 9 + 10 + 11, 3 + 4 + 7 + 8 + 11 + 12,
                9 + 10 + 11 + 13 + 14 + 15, 11 + 12 + 15 + 16);
    }

    @Test
    void samePoolingIgnoresPaddedCells() {
        List<double[]> r = run(tf -> List.of(
                tf.nn.avgPool(image(tf, 1), List.of(1L, 3L, 3L, 1L), List.of(1L, 2L, 2L, 1L), "SAME"),
                tf.nn.maxPool(image(tf, -1), tf.constant(new int[] {1, 3, 3, 1}), tf.constant(new int[] {1, 2, 2, 1}),
                        "SAME")));
        // averages over 9, 6, 6 and 4 real cells
        assertThat(r.get(0)).containsExactly(54 / 9.0, 45 / 6.0, 72 / 6.0, 54 / 4.0);
        // all values negative: a padded zero never wins
        assertThat(r.get(1)).containsExactly(-1, -3, -9, -11);
    }

    @Test
    void fusedBatchNormTrainingReturnsUnbiasedBatchVarianceAndBiasedReserveSpace() {
        List<double[]> r = run(tf -> {
            Operand<TFloat32> x = constant(tf, Tensor.of(1f, 2f, 3f, 4f).reshape(1, 2, 2, 1));
            var bn = tf.nn.fusedBatchNorm(x, tf.constant(new float[] {2}), tf.constant(new float[] {1}),
                    tf.constant(new float[] {0.5f}), tf.constant(new float[] {1}), FusedBatchNorm.epsilon(0.001f),
                    FusedBatchNorm.exponentialAvgFactor(0.5f));
            return List.of(bn.y(), bn.batchMean(), bn.batchVariance(), bn.reserveSpace1(), bn.reserveSpace2(),
                    bn.reserveSpace3());
        });
        double inv = 1 / Math.sqrt(1.25 + 0.001);
        assertThat(r.get(0)).containsExactly(new double[] {-1.5 * 2 * inv + 1, -0.5 * 2 * inv + 1, 0.5 * 2 * inv + 1,
            1.5 * 2 * inv + 1}, within(1e-5));
        // running averages with factor 0.5: mean 0.5*0.5 + 0.5*2.5, variance 0.5*1 + 0.5*(5/3)
        assertThat(r.get(1)[0]).isCloseTo(1.5, within(1e-6));
        assertThat(r.get(2)[0]).isCloseTo(0.5 + 0.5 * 5 / 3.0, within(1e-6));
        assertThat(r.get(3)).containsExactly(2.5);
        assertThat(r.get(4)).containsExactly(1.25);
        assertThat(r.get(5)).isEmpty();
    }

    @Test
    void activationGradientsAtTheKinksAreTfs() {
        List<double[]> r = run(tf -> {
            Operand<TFloat32> f = tf.constant(new float[] {-1, 0, 3, 6, 7});
            Operand<TFloat32> g = tf.constant(new float[] {1, 1, 1, 1, 1});
            Gradients d = tf.gradients(tf.nn.relu6(f), List.of(f));
            Gradients selu = tf.gradients(tf.nn.selu(f), List.of(f));
            Gradients leaky = tf.gradients(tf.nn.leakyRelu(f), List.of(f));
            return List.of(tf.nn.reluGrad(g, f), tf.nn.relu6Grad(g, f), d.dy(0), selu.dy(0), leaky.dy(0));
        });
        assertThat(r.get(0)).containsExactly(0, 0, 1, 1, 1);
        assertThat(r.get(1)).containsExactly(0, 0, 1, 0, 0);
        assertThat(r.get(2)).containsExactly(0, 0, 1, 0, 0);
        // SeluGrad / LeakyReluGrad: features >= 0 (selu) and features > 0 (leaky relu) take the linear branch
        double scale = NnKernels.SELU_SCALE;
        assertThat(r.get(3)).containsExactly(new double[] {scale * NnKernels.SELU_ALPHA * Math.exp(-1), scale, scale,
            scale, scale}, within(1e-6));
        assertThat(r.get(4)).containsExactly(new double[] {0.2, 0.2, 1, 1, 1}, within(1e-7));
    }

    @Test
    void crossEntropyGradientsAreTfsAlsoForLabelsThatDoNotSumToOne() {
        List<double[]> r = run(tf -> {
            Operand<TFloat32> logits = tf.constant(new float[][] {{1, 2, 0}});
            Operand<TFloat32> labels = tf.constant(new float[][] {{0.5f, 1, 0.25f}});
            var xent = tf.nn.softmaxCrossEntropyWithLogits(logits, labels);
            Gradients d = tf.gradients(xent.loss(), List.of(logits, labels));
            Operand<dev.ember.tfcompat.types.TInt32> classes = tf.constant(new int[] {1});
            var sparse = tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, classes);
            Gradients ds = tf.gradients(sparse.loss(), List.of(logits));
            return List.of(xent.loss(), xent.backprop(), d.dy(0), d.dy(1), tf.nn.logSoftmax(logits), sparse.backprop(),
                    ds.dy(0), sparse.loss());
        });
        double[] logp = r.get(4);
        assertThat(r.get(0)[0]).isCloseTo(-(0.5 * logp[0] + logp[1] + 0.25 * logp[2]), within(1e-6));
        double[] p = {Math.exp(logp[0]), Math.exp(logp[1]), Math.exp(logp[2])};
        assertThat(r.get(1)).containsExactly(new double[] {p[0] - 0.5, p[1] - 1, p[2] - 0.25}, within(1e-6));
        // d loss / d logits is backprop (softmax - labels), not softmax * sum(labels) - labels
        assertThat(r.get(2)).containsExactly(r.get(1), within(1e-7));
        assertThat(r.get(3)).containsExactly(new double[] {-logp[0], -logp[1], -logp[2]}, within(1e-6));
        assertThat(r.get(5)).containsExactly(new double[] {p[0], p[1] - 1, p[2]}, within(1e-6));
        assertThat(r.get(6)).containsExactly(r.get(5), within(1e-7));
        assertThat(r.get(7)[0]).isCloseTo(-logp[1], within(1e-6));
    }

    @Test
    void crossEntropySecondDerivativeIsTfs() {
        // d/d logits of 0.5 * |d loss / d logits|^2 = J (softmax - labels), J the (symmetric) softmax Jacobian
        List<double[]> r = run(tf -> {
            Operand<TFloat32> logits = tf.constant(new float[][] {{1, 2, 0}});
            Operand<TFloat32> labels = tf.constant(new float[][] {{0.5f, 1, 0.25f}});
            var xent = tf.nn.softmaxCrossEntropyWithLogits(logits, labels);
            Gradients d = tf.gradients(xent.loss(), List.of(logits));
            Gradients dd = tf.gradients(tf.nn.l2Loss(d.<TFloat32>dy(0)), List.of(logits));
            return List.of(tf.nn.softmax(logits), dd.dy(0));
        });
        double[] p = r.get(0);
        double[] v = {p[0] - 0.5, p[1] - 1, p[2] - 0.25};
        double pv = p[0] * v[0] + p[1] * v[1] + p[2] * v[2];
        assertThat(r.get(1)).containsExactly(new double[] {p[0] * (v[0] - pv), p[1] * (v[1] - pv), p[2] * (v[2] - pv)},
                within(1e-6));
    }

    /** Gradient ops against engine autograd of the forward op, for windows whose TF gradients are unusable. */
    @Test
    void convolutionGradientOpsEqualAutogradOfTheForwardOp() {
        Ember.manualSeed(3);
        Tensor xv = Tensor.randn(2, 7, 6, 4);
        Tensor fv = Tensor.randn(3, 2, 2, 6);
        // output: height (7 + 2 + 1 - 3) / 2 + 1 = 4, width (6 + 0 + 3 - 3) / 1 + 1 = 7
        Tensor dyv = Tensor.randn(2, 4, 7, 6);
        List<Long> strides = List.of(1L, 2L, 1L, 1L);
        List<Long> dilations = List.of(1L, 1L, 2L, 1L);
        List<Long> pads = List.of(0L, 0L, 2L, 1L, 0L, 3L, 0L, 0L);
        List<double[]> r = run(tf -> {
            Operand<TFloat32> x = constant(tf, xv);
            Operand<TFloat32> f = constant(tf, fv);
            Operand<TFloat32> y = tf.nn.conv2d(x, f, strides, "EXPLICIT", Conv2d.dilations(dilations),
                    Conv2d.explicitPaddings(pads));
            Operand<TFloat32> dy = constant(tf, dyv);
            Gradients d = tf.gradients(List.of(y), List.of(x, f), Gradients.dx(List.of(dy)));
            return List.of(d.dy(0), d.dy(1),
                    tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, 7, 6, 4}), f, dy, strides, "EXPLICIT",
                            Conv2dBackpropInput.dilations(dilations), Conv2dBackpropInput.explicitPaddings(pads)),
                    tf.nn.conv2dBackpropFilter(x, tf.constant(new int[] {3, 2, 2, 6}), dy, strides, "EXPLICIT",
                            Conv2dBackpropFilter.dilations(dilations), Conv2dBackpropFilter.explicitPaddings(pads)));
        });
        assertThat(r.get(2)).containsExactly(r.get(0), within(1e-4));
        assertThat(r.get(3)).containsExactly(r.get(1), within(1e-4));
    }

    /**
     * TF's CPU depthwise backprop kernels ignore dilations; tfcompat's equal the grouped convolution's
     * gradients (a depthwise filter {@code [kh, kw, C, M]} is the grouped filter {@code [kh, kw, 1, C*M]}).
     */
    @Test
    void dilatedDepthwiseGradientOpsEqualTheGroupedConvolutionOnes() {
        Ember.manualSeed(4);
        Tensor xv = Tensor.randn(2, 7, 7, 3);
        Tensor fv = Tensor.randn(2, 3, 3, 2);
        Tensor dyv = Tensor.randn(2, 7, 7, 6);
        List<Long> dil = List.of(1L, 2L, 2L, 1L);
        List<double[]> r = run(tf -> {
            Operand<TFloat32> x = constant(tf, xv);
            Operand<TFloat32> f = constant(tf, fv);
            Operand<TFloat32> grouped = constant(tf, fv.reshape(2, 3, 1, 6));
            Operand<TFloat32> dy = constant(tf, dyv);
            return List.of(
                    tf.nn.depthwiseConv2dNativeBackpropInput(tf.constant(new int[] {2, 7, 7, 3}), f, dy, ONES, "SAME",
                            DepthwiseConv2dNativeBackpropInput.dilations(dil)),
                    tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, 7, 7, 3}), grouped, dy, ONES, "SAME",
                            Conv2dBackpropInput.dilations(dil)),
                    tf.nn.depthwiseConv2dNativeBackpropFilter(x, tf.constant(new int[] {2, 3, 3, 2}), dy, ONES, "SAME",
                            DepthwiseConv2dNativeBackpropFilter.dilations(dil)),
                    tf.nn.conv2dBackpropFilter(x, tf.constant(new int[] {2, 3, 1, 6}), dy, ONES, "SAME",
                            Conv2dBackpropFilter.dilations(dil)));
        });
        assertThat(r.get(0)).containsExactly(r.get(1), within(1e-4));
        assertThat(r.get(2)).containsExactly(r.get(3), within(1e-4));
    }
}
