package dev.ember.bench.ember;

import dev.ember.bench.Data;
import dev.ember.bench.Profile;
import dev.ember.bench.Settings;
import dev.ember.bench.Timer;
import dev.ember.engine.Ember;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.nn.Functional;
import dev.ember.engine.optim.Adam;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's side of {@link Profile}: convolutions and max-pool as the backend kernels the ops call
 * (so the input and weight gradients are timed apart); batch norm, ReLU, linear and cross-entropy as
 * engine ops, forward with autograd recording (as in a training step) and backward by
 * {@link Autograd#grad} on a retained graph; Adam as {@code optimizer.step()}.
 */
public final class EmberProfile implements Profile.Side {
    private static final int[] ONE = {1, 1};
    private int seed = 100;

    public EmberProfile() {
        Ember.setNumThreads(2);
        Ember.manualSeed(0);
    }

    private Tensor rand(boolean grad, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Tensor.fromArray(Data.uniform(seed++, (int) n, -1, 1), shape).requiresGrad_(grad);
    }

    @Override
    public double time(Profile.Spec p, Settings s) throws Exception {
        int[] st = {p.stride(), p.stride()};
        int[] pad = {p.pad(), p.pad()};
        boolean spatial = p.h() > 0;
        long[] xs = spatial ? new long[] {p.n(), p.c(), p.h(), p.w()} : new long[] {p.n(), p.c()};
        switch (p.op()) {
            case "conv": {
                Array x = rand(false, xs).array();
                Array w = rand(false, p.out(), p.c(), p.k(), p.k()).array();
                return ms(s, () -> Kernels.nn().conv2d(x, w, null, st, pad, ONE, 1));
            }
            case "conv_dx": {
                Array w = rand(false, p.out(), p.c(), p.k(), p.k()).array();
                Array g = rand(false, p.n(), p.out(), p.outH(), p.outW()).array();
                return ms(s, () -> Kernels.nn().conv2dInputGrad(g, w, xs, st, pad, ONE, 1));
            }
            case "conv_dw": {
                Array x = rand(false, xs).array();
                Array g = rand(false, p.n(), p.out(), p.outH(), p.outW()).array();
                long[] ws = {p.out(), p.c(), p.k(), p.k()};
                return ms(s, () -> Kernels.nn().conv2dWeightGrad(x, g, ws, st, pad, ONE, 1));
            }
            case "pool": {
                Array x = rand(false, xs).array();
                int[] outSize = {p.outH(), p.outW()};
                int[] k = {p.k(), p.k()};
                return ms(s, () -> Kernels.nn().maxPool2d(x, k, st, pad, ONE, outSize));
            }
            case "pool_bwd": {
                Array x = rand(false, xs).array();
                Array[] r = Kernels.nn().maxPool2d(x, new int[] {p.k(), p.k()}, st, pad, ONE,
                        new int[] {p.outH(), p.outW()});
                Array g = rand(false, p.n(), p.c(), p.outH(), p.outW()).array();
                return ms(s, () -> Kernels.nn().maxPool2dBackward(g, r[1], xs));
            }
            case "bn":
            case "bn_bwd": {
                Tensor x = rand(true, xs);
                Tensor gamma = Tensor.ones(p.c()).requiresGrad_(true);
                Tensor beta = Tensor.zeros(p.c()).requiresGrad_(true);
                Tensor rm = Tensor.zeros(p.c());
                Tensor rv = Tensor.ones(p.c());
                Fn f = () -> Functional.batchNorm(x, rm, rv, gamma, beta, true, 0.1, Data.Resnet.BN_EPS);
                return p.op().equals("bn") ? ms(s, f::run) : backward(s, f.run(), x, gamma, beta);
            }
            case "relu":
            case "relu_bwd": {
                Tensor x = rand(true, xs);
                Fn f = () -> Functional.relu(x);
                return p.op().equals("relu") ? ms(s, f::run) : backward(s, f.run(), x);
            }
            case "linear":
            case "linear_bwd": {
                Tensor x = rand(true, p.n(), p.c());
                Tensor w = rand(true, p.out(), p.c());
                Tensor b = rand(true, p.out());
                Fn f = () -> Functional.linear(x, w, b);
                return p.op().equals("linear") ? ms(s, f::run) : backward(s, f.run(), x, w, b);
            }
            case "ce":
            case "ce_bwd": {
                Tensor logits = rand(true, p.n(), p.c());
                long[] y = new long[p.n()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = i % p.c();
                }
                Tensor target = Tensor.fromArray(y, p.n());
                Fn f = () -> Functional.crossEntropy(logits, target);
                return p.op().equals("ce") ? ms(s, f::run) : backward(s, f.run(), logits);
            }
            case "adam": {
                List<Tensor> params = new ArrayList<>();
                long[][] shapes = {{Data.Cnn.K, Data.Cnn.C, 3, 3}, {Data.Cnn.K}, {Data.Cnn.HIDDEN, Data.Cnn.FLAT},
                    {Data.Cnn.HIDDEN}, {Data.Cnn.OUT, Data.Cnn.HIDDEN}, {Data.Cnn.OUT}};
                for (long[] shape : shapes) {
                    Tensor t = rand(true, shape);
                    t.setGrad(rand(false, shape));
                    params.add(t);
                }
                Adam opt = new Adam(params, Data.Cnn.LR);
                return ms(s, opt::step);
            }
            default:
                throw new IllegalArgumentException("profile: unknown op " + p.op());
        }
    }

    @FunctionalInterface
    private interface Fn {
        Tensor run();
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    private static double ms(Settings s, Body body) throws Exception {
        return Profile.ms(Timer.time(s, () -> {
            body.run();
            return Double.NaN;
        }));
    }

    /** The backward of {@code out}'s graph alone: autograd.grad with the graph retained, seeded with ones. */
    private static double backward(Settings s, Tensor out, Tensor... inputs) throws Exception {
        Tensor[] outs = {out};
        Tensor[] seed = {Tensor.onesLike(out)};
        return ms(s, () -> Autograd.grad(outs, inputs, seed, true, false, false));
    }

    @Override
    public double step(String workload, Settings s) throws Exception {
        Timer.Step step = workload.equals("W4") ? EmberSuite.cnnStep() : EmberResnet.step();
        return Profile.ms(Timer.time(s, step));
    }
}
