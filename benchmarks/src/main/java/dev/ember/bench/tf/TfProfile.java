package dev.ember.bench.tf;

import dev.ember.bench.Data;
import dev.ember.bench.Profile;
import dev.ember.bench.Settings;
import dev.ember.bench.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.FusedBatchNormGrad;
import org.tensorflow.types.TFloat32;

/**
 * TF's side of {@link Profile}: one small graph per kernel, NHWC, every input a fed placeholder
 * (convolutions and max-pool get the input already zero-padded and run VALID, so padding is timed on
 * neither side); the inputs a gradient op needs from its forward (MaxPool's output,
 * FusedBatchNormV3's reserve spaces) are computed once and fed.
 */
public final class TfProfile implements Profile.Side {
    private int seed = 200;

    /** One graph and session; {@link #timed} runs the fetches and targets with every feed. */
    private static final class G implements AutoCloseable {
        final Graph graph = new Graph();
        final Ops tf = Ops.create(graph);
        final Map<Operand<?>, Tensor> feeds = new LinkedHashMap<>();
        final List<Tensor> owned = new ArrayList<>();
        Session session;

        Placeholder<TFloat32> in(float[] data, long... shape) {
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            feeds.put(p, own(TfModel.tensor(data, shape)));
            return p;
        }

        Placeholder<TFloat32> in(Tensor value) {
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class);
            feeds.put(p, own(value));
            return p;
        }

        <T extends Tensor> T own(T t) {
            owned.add(t);
            return t;
        }

        Session.Runner runner() {
            if (session == null) {
                session = new Session(graph, TfModel.config());
            }
            Session.Runner r = session.runner();
            feeds.forEach(r::feed);
            return r;
        }

        /** Runs {@code fetches} once and keeps the values (for feeding a gradient op). */
        List<Tensor> eval(Operand<?>... fetches) {
            Session.Runner r = runner();
            for (Operand<?> f : fetches) {
                r.fetch(f);
            }
            Result res = r.run();
            List<Tensor> out = new ArrayList<>();
            for (int i = 0; i < fetches.length; i++) {
                out.add(res.get(i));
            }
            return out;   // the Result is left open: it owns these tensors until the JVM exits
        }

        double timed(Settings s, List<Operand<?>> fetches, List<Op> targets) throws Exception {
            return Profile.ms(Timer.time(s, () -> {
                Session.Runner r = runner();
                fetches.forEach(r::fetch);
                targets.forEach(r::addTarget);
                r.run().close();
                return Double.NaN;
            }));
        }

        double timed(Settings s, Operand<?>... fetches) throws Exception {
            return timed(s, List.of(fetches), List.of());
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
            owned.forEach(Tensor::close);
            graph.close();
        }
    }

    private float[] rand(long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Data.uniform(seed++, (int) n, -1, 1);
    }

    @Override
    public double time(Profile.Spec p, Settings s) throws Exception {
        try (G g = new G()) {
            Ops tf = g.tf;
            int hp = p.h() + 2 * p.pad();
            int wp = p.w() + 2 * p.pad();
            List<Long> strides = List.of(1L, (long) p.stride(), (long) p.stride(), 1L);
            long[] xs = {p.n(), hp, wp, p.c()};
            long[] ks = {p.k(), p.k(), p.c(), p.out()};
            long[] gs = p.op().startsWith("conv") ? new long[] {p.n(), p.outH(), p.outW(), p.out()} : null;
            switch (p.op()) {
                case "conv":
                    return g.timed(s, tf.nn.conv2d(g.in(rand(xs), xs), g.in(rand(ks), ks), strides, "VALID"));
                case "conv_dx":
                    return g.timed(s, tf.nn.conv2dBackpropInput(tf.constant(new int[] {p.n(), hp, wp, p.c()}),
                            g.in(rand(ks), ks), g.in(rand(gs), gs), strides, "VALID"));
                case "conv_dw":
                    return g.timed(s, tf.nn.conv2dBackpropFilter(g.in(rand(xs), xs),
                            tf.constant(new int[] {p.k(), p.k(), p.c(), p.out()}), g.in(rand(gs), gs), strides,
                            "VALID"));
                case "pool":
                case "pool_bwd": {
                    Placeholder<TFloat32> x = g.in(rand(xs), xs);
                    Operand<org.tensorflow.types.TInt32> k = tf.constant(new int[] {1, p.k(), p.k(), 1});
                    Operand<org.tensorflow.types.TInt32> st = tf.constant(new int[] {1, p.stride(), p.stride(), 1});
                    Operand<TFloat32> y = tf.nn.maxPool(x, k, st, "VALID");
                    if (p.op().equals("pool")) {
                        return g.timed(s, y);
                    }
                    Placeholder<TFloat32> yFed = g.in(g.eval(y).get(0));
                    long[] ys = {p.n(), p.outH(), p.outW(), p.c()};
                    return g.timed(s, tf.nn.maxPoolGrad(x, yFed, g.in(rand(ys), ys), k, st, "VALID"));
                }
                case "bn":
                case "bn_bwd": {
                    long[] bs = {p.n(), p.h(), p.w(), p.c()};
                    Placeholder<TFloat32> x = g.in(rand(bs), bs);
                    float[] ones = new float[p.c()];
                    java.util.Arrays.fill(ones, 1f);
                    Placeholder<TFloat32> scale = g.in(ones, p.c());
                    Placeholder<TFloat32> offset = g.in(new float[p.c()], p.c());
                    Operand<TFloat32> empty = tf.constant(new float[0]);
                    float eps = (float) Data.Resnet.BN_EPS;
                    FusedBatchNorm<TFloat32, TFloat32> fwd = tf.nn.fusedBatchNorm(x, scale, offset, empty, empty,
                            FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(eps),
                            FusedBatchNorm.dataFormat("NHWC"));
                    if (p.op().equals("bn")) {
                        return g.timed(s, fwd.y(), fwd.batchMean(), fwd.batchVariance());
                    }
                    List<Tensor> r = g.eval(fwd.reserveSpace1(), fwd.reserveSpace2(), fwd.reserveSpace3());
                    FusedBatchNormGrad<TFloat32, TFloat32> bwd = tf.nn.fusedBatchNormGrad(g.in(rand(bs), bs), x, scale,
                            g.in(r.get(0)), g.in(r.get(1)), g.in(r.get(2)), FusedBatchNormGrad.isTraining(true),
                            FusedBatchNormGrad.epsilon(eps), FusedBatchNormGrad.dataFormat("NHWC"));
                    return g.timed(s, bwd.xBackprop(), bwd.scaleBackprop(), bwd.offsetBackprop());
                }
                case "relu":
                case "relu_bwd": {
                    long[] rs = p.h() > 0 ? new long[] {p.n(), p.h(), p.w(), p.c()} : new long[] {p.n(), p.c()};
                    Placeholder<TFloat32> x = g.in(rand(rs), rs);
                    return p.op().equals("relu") ? g.timed(s, tf.nn.relu(x))
                            : g.timed(s, tf.nn.reluGrad(g.in(rand(rs), rs), x));
                }
                case "linear":
                case "linear_bwd": {
                    Placeholder<TFloat32> x = g.in(rand(p.n(), p.c()), p.n(), p.c());
                    Placeholder<TFloat32> w = g.in(rand(p.c(), p.out()), p.c(), p.out());
                    if (p.op().equals("linear")) {
                        return g.timed(s, tf.nn.biasAdd(tf.linalg.matMul(x, w), g.in(rand(p.out()), p.out())));
                    }
                    Placeholder<TFloat32> gy = g.in(rand(p.n(), p.out()), p.n(), p.out());
                    return g.timed(s, tf.linalg.matMul(gy, w, MatMul.transposeB(true)),
                            tf.linalg.matMul(x, gy, MatMul.transposeA(true)), tf.sum(gy, tf.constant(0)));
                }
                case "ce": {
                    Placeholder<TFloat32> logits = g.in(rand(p.n(), p.c()), p.n(), p.c());
                    float[] y = new float[p.n() * p.c()];
                    for (int i = 0; i < p.n(); i++) {
                        y[i * p.c() + i % p.c()] = 1f;
                    }
                    Placeholder<TFloat32> labels = g.in(y, p.n(), p.c());
                    return g.timed(s, TfGraphSuite.crossEntropy(tf, logits, labels));
                }
                case "ce_bwd":
                    return Double.NaN;   // SoftmaxCrossEntropyWithLogits computes its gradient in the forward
                case "adam":
                    return adam(g, s);
                default:
                    throw new IllegalArgumentException("profile: unknown op " + p.op());
            }
        }
    }

    /** ApplyAdam on W4's six variables, gradients fed. */
    private double adam(G g, Settings s) throws Exception {
        Ops tf = g.tf;
        long[][] shapes = {{3, 3, Data.Cnn.C, Data.Cnn.K}, {Data.Cnn.K}, {Data.Cnn.FLAT, Data.Cnn.HIDDEN},
            {Data.Cnn.HIDDEN}, {Data.Cnn.HIDDEN, Data.Cnn.OUT}, {Data.Cnn.OUT}};
        List<Op> inits = new ArrayList<>();
        List<Op> updates = new ArrayList<>();
        for (long[] shape : shapes) {
            Variable<TFloat32>[] vars = new Variable[3];
            for (int i = 0; i < 3; i++) {
                vars[i] = tf.variable(Shape.of(shape), TFloat32.class);
                inits.add(tf.assign(vars[i], g.in(i == 0 ? rand(shape) : new float[(int) Shape.of(shape).size()],
                        shape)));
            }
            updates.add(tf.train.applyAdam(vars[0], vars[1], vars[2], tf.constant(0.9f), tf.constant(0.999f),
                    tf.constant((float) Data.Cnn.LR), tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-8f),
                    g.in(rand(shape), shape)));
        }
        Session.Runner r = g.runner();
        inits.forEach(r::addTarget);
        r.run().close();
        return g.timed(s, List.of(), updates);
    }

    @Override
    public double step(String workload, Settings s) throws Exception {
        return Profile.ms(workload.equals("W4") ? TfCnn.measure(s) : TfResnet.measure(s));
    }
}
