package dev.ember.bench.tf;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Timer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** W4 in TF graph mode: NHWC conv/bias/ReLU/max-pool, Flatten, two dense layers, ApplyAdam. */
final class TfCnn {
    private TfCnn() {
    }

    static Measurement measure(Settings s) throws Exception {
        Data.Cnn d = Data.cnn();
        try (TfModel m = new TfModel()) {
            Ops tf = m.tf;
            int n = Data.Cnn.BATCH;
            Placeholder<TFloat32> x = m.input(Data.nchwToNhwc(d.x(), n, Data.Cnn.C, Data.Cnn.HW, Data.Cnn.HW),
                    n, Data.Cnn.HW, Data.Cnn.HW, Data.Cnn.C);
            Placeholder<TFloat32> y = m.input(Data.oneHot(d.y(), Data.Cnn.OUT), n, Data.Cnn.OUT);
            Operand<TFloat32> k = m.weight(Data.oihwToHwio(d.cw(), Data.Cnn.K, Data.Cnn.C, 3, 3), 3, 3, Data.Cnn.C, Data.Cnn.K);
            Operand<TFloat32> kb = m.weight(d.cb(), Data.Cnn.K);
            Operand<TFloat32> w1 = m.weight(Data.flattenFixToTf(d.w1(), Data.Cnn.HIDDEN, Data.Cnn.K, Data.Cnn.POOLED,
                    Data.Cnn.POOLED), Data.Cnn.FLAT, Data.Cnn.HIDDEN);
            Operand<TFloat32> b1 = m.weight(d.b1(), Data.Cnn.HIDDEN);
            Operand<TFloat32> w2 = m.weight(Data.transpose(d.w2(), Data.Cnn.OUT, Data.Cnn.HIDDEN), Data.Cnn.HIDDEN, Data.Cnn.OUT);
            Operand<TFloat32> b2 = m.weight(d.b2(), Data.Cnn.OUT);

            Operand<TFloat32> c = tf.nn.relu(tf.nn.biasAdd(TfGraphSuite.conv(tf, x, k, 3, 1, 1), kb));
            Operand<TFloat32> p = TfGraphSuite.maxPool(tf, c, 3, 2, 1);
            Operand<TFloat32> flat = tf.reshape(p, tf.constant(new int[] {n, Data.Cnn.FLAT}));
            Operand<TFloat32> h = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(flat, w1), b1));
            Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(h, w2), b2);
            Operand<TFloat32> loss = TfGraphSuite.crossEntropy(tf, logits, y);

            Output<?>[] grads = m.gradients(loss);
            Ops after = m.afterAll(grads);
            Placeholder<TFloat32> beta1Power = m.scalarInput();
            Placeholder<TFloat32> beta2Power = m.scalarInput();
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < grads.length; i++) {
                Variable<TFloat32> v = m.variables.get(i);
                long[] shape = v.shape().asArray();
                updates.add(after.train.applyAdam(v, m.slot(shape), m.slot(shape), beta1Power, beta2Power,
                        tf.constant((float) Data.Cnn.LR), tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-8f),
                        TfModel.castFloat(grads[i])));
            }
            m.start();
            int[] t = {0};
            return Timer.time(s, () -> {
                t[0]++;
                try (TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(0.9, t[0]));
                        TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(0.999, t[0]))) {
                    Session.Runner r = m.runner().feed(beta1Power, p1).feed(beta2Power, p2).fetch(loss);
                    updates.forEach(r::addTarget);
                    try (Result res = r.run()) {
                        return TfGraphSuite.scalar(res, 0);
                    }
                }
            });
        }
    }
}
