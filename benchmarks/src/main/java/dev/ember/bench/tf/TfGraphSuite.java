package dev.ember.bench.tf;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Suite;
import dev.ember.bench.Timer;
import dev.ember.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * TF-Java 1.1.0 graph mode: one {@code Session} per workload; placeholders fed on every run;
 * gradients from {@code Graph.addGradients} (TF's C++ gradient registry, what {@code tf.gradients}
 * uses); updates by ApplyGradientDescent / ApplyAdam. NHWC activations and HWIO kernels, the
 * weights permuted from the shared PyTorch-layout values so that every backend computes the same.
 */
public final class TfGraphSuite implements Suite {
    @Override
    public String describe() {
        return "TensorFlow " + TensorFlow.version() + " (TF-Java 1.1.0), graph mode, intra-op 2 / inter-op 1 threads";
    }

    @Override
    public Measurement measure(Workload w, Settings s) throws Exception {
        switch (w) {
            case W1: return add(s);
            case W2_1024: return gemm(s, 1024);
            case W2_4096: return gemm(s, 4096);
            case W3: return mlp(s);
            case W4: return TfCnn.measure(s);
            case W5: return conv(s);
            case W6: return TfResnet.measure(s);
            default: throw new NotAvailable("no tf-graph implementation of " + w.id());
        }
    }

    static float scalar(Result r, int i) {
        return ((TFloat32) r.get(i)).getFloat();
    }

    /** Mean |value| of a fetched float tensor. */
    static double meanAbs(TFloat32 t) {
        float[] v = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(v, false, false));
        double s = 0;
        for (float f : v) {
            s += Math.abs(f);
        }
        return s / v.length;
    }

    private static Measurement add(Settings s) throws Exception {
        try (TfModel m = new TfModel()) {
            Placeholder<TFloat32> a = m.input(Data.uniform(11, 64, -1, 1), 8, 8);
            Placeholder<TFloat32> b = m.input(Data.uniform(12, 64, -1, 1), 8, 8);
            Operand<TFloat32> c = m.tf.math.add(a, b);
            m.start();
            double check;
            try (Result r = m.runner().fetch(c).run()) {
                check = sum((TFloat32) r.get(0));
            }
            Measurement meas = Timer.time(s, Workload.W1_OPS, () -> {
                for (int i = 0; i < Workload.W1_OPS; i++) {
                    m.runner().fetch(c).run().close();
                }
                return Double.NaN;
            });
            return new Measurement(meas.seconds(), new double[] {check}, "one Session.run per op");
        }
    }

    static double sum(TFloat32 t) {
        float[] v = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(v, false, false));
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    private static Measurement gemm(Settings s, int n) throws Exception {
        try (TfModel m = new TfModel()) {
            Placeholder<TFloat32> a = m.input(Data.uniform(21, n * n, -1, 1), n, n);
            Placeholder<TFloat32> b = m.input(Data.uniform(22, n * n, -1, 1), n, n);
            Operand<TFloat32> c = m.tf.linalg.matMul(a, b);
            m.start();
            return fetchTimed(m, c, s);
        }
    }

    private static Measurement conv(Settings s) throws Exception {
        try (TfModel m = new TfModel()) {
            float[] x = Data.nchwToNhwc(Data.uniform(23, 32 * 64 * 56 * 56, -1, 1), 32, 64, 56, 56);
            float[] k = Data.oihwToHwio(Data.init(24, 64 * 64 * 9, 64 * 9), 64, 64, 3, 3);
            Placeholder<TFloat32> xi = m.input(x, 32, 56, 56, 64);
            Placeholder<TFloat32> ki = m.input(k, 3, 3, 64, 64);
            Operand<TFloat32> y = m.tf.nn.conv2d(xi, ki, List.of(1L, 1L, 1L, 1L), "SAME");
            m.start();
            return fetchTimed(m, y, s);
        }
    }

    private static Measurement fetchTimed(TfModel m, Operand<TFloat32> out, Settings s) throws Exception {
        double check;
        try (Result r = m.runner().fetch(out).run()) {
            check = meanAbs((TFloat32) r.get(0));
        }
        Measurement meas = Timer.time(s, () -> {
            m.runner().fetch(out).run().close();
            return Double.NaN;
        });
        return new Measurement(meas.seconds(), new double[] {check}, "");
    }

    private static Measurement mlp(Settings s) throws Exception {
        Data.Mlp d = Data.mlp();
        try (TfModel m = new TfModel()) {
            Ops tf = m.tf;
            Placeholder<TFloat32> x = m.input(d.x(), Data.Mlp.BATCH, Data.Mlp.IN);
            Placeholder<TFloat32> y = m.input(Data.oneHot(d.y(), Data.Mlp.OUT), Data.Mlp.BATCH, Data.Mlp.OUT);
            Operand<TFloat32> w1 = m.weight(Data.transpose(d.w1(), Data.Mlp.HIDDEN, Data.Mlp.IN), Data.Mlp.IN, Data.Mlp.HIDDEN);
            Operand<TFloat32> b1 = m.weight(d.b1(), Data.Mlp.HIDDEN);
            Operand<TFloat32> w2 = m.weight(Data.transpose(d.w2(), Data.Mlp.OUT, Data.Mlp.HIDDEN), Data.Mlp.HIDDEN, Data.Mlp.OUT);
            Operand<TFloat32> b2 = m.weight(d.b2(), Data.Mlp.OUT);
            Operand<TFloat32> h = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, w1), b1));
            Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(h, w2), b2);
            Operand<TFloat32> loss = crossEntropy(tf, logits, y);
            Output<?>[] grads = m.gradients(loss);
            Ops after = m.afterAll(grads);
            Operand<TFloat32> lr = tf.constant((float) Data.Mlp.LR);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < grads.length; i++) {
                updates.add(after.train.applyGradientDescent(m.variables.get(i), lr, TfModel.castFloat(grads[i])));
            }
            m.start();
            return Timer.time(s, () -> {
                org.tensorflow.Session.Runner r = m.runner().fetch(loss);
                updates.forEach(r::addTarget);
                try (Result res = r.run()) {
                    return scalar(res, 0);
                }
            });
        }
    }

    /** Mean softmax cross-entropy of logits against one-hot rows. */
    static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> oneHot) {
        return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
    }

    /** {@code x} padded by {@code p} on both sides of H and W (NHWC), with zeros. */
    static Operand<TFloat32> pad(Ops tf, Operand<TFloat32> x, int p) {
        return tf.pad(x, tf.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}}), tf.constant(0f));
    }

    /**
     * PyTorch's conv padding in TF: SAME where it pads the same (stride 1, pad (k-1)/2), VALID for
     * pad 0, else explicit zero padding then VALID (TF's SAME would pad more at the end than the start).
     */
    static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, Operand<TFloat32> k, int kernel, int stride, int p) {
        List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
        if (stride == 1 && 2 * p == kernel - 1) {
            return tf.nn.conv2d(x, k, strides, "SAME");
        }
        return tf.nn.conv2d(p == 0 ? x : pad(tf, x, p), k, strides, "VALID");
    }

    /** PyTorch's MaxPool2d(k, s, p) on non-negative input (after ReLU, zero padding never wins a window). */
    static Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x, int k, int s, int p) {
        return tf.nn.maxPool(pad(tf, x, p), tf.constant(new int[] {1, k, k, 1}), tf.constant(new int[] {1, s, s, 1}),
                "VALID");
    }
}
