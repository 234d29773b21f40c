package dev.ember.bench.tf;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Timer;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/** W6 in TF graph mode: the ResNet stack in NHWC with FusedBatchNorm (training), forward + all gradients. */
final class TfResnet {
    private TfResnet() {
    }

    static Measurement measure(Settings s) throws Exception {
        Data.Resnet d = Data.resnet();
        try (TfModel m = new TfModel()) {
            Ops tf = m.tf;
            int n = Data.Resnet.BATCH;
            Placeholder<TFloat32> x = m.input(Data.nchwToNhwc(d.x(), n, 3, Data.Resnet.HW, Data.Resnet.HW),
                    n, Data.Resnet.HW, Data.Resnet.HW, 3);
            Placeholder<TFloat32> y = m.input(Data.oneHot(d.y(), Data.Resnet.OUT), n, Data.Resnet.OUT);
            Operand<TFloat32> h = tf.nn.relu(convBn(m, x, d, Data.RESNET_STEM));
            h = TfGraphSuite.maxPool(tf, h, 3, 2, 1);
            for (Data.Block b : Data.RESNET_BLOCKS) {
                Operand<TFloat32> out = tf.nn.relu(convBn(m, h, d, b.conv1()));
                out = convBn(m, out, d, b.conv2());
                Operand<TFloat32> shortcut = b.downsample() == null ? h : convBn(m, h, d, b.downsample());
                h = tf.nn.relu(tf.math.add(out, shortcut));
            }
            Operand<TFloat32> pooled = tf.math.mean(h, tf.constant(new int[] {1, 2}));
            Operand<TFloat32> fcW = m.weight(Data.transpose(d.fcW(), Data.Resnet.OUT, Data.Resnet.FEATURES),
                    Data.Resnet.FEATURES, Data.Resnet.OUT);
            Operand<TFloat32> fcB = m.weight(d.fcB(), Data.Resnet.OUT);
            Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(pooled, fcW), fcB);
            Operand<TFloat32> loss = TfGraphSuite.crossEntropy(tf, logits, y);
            Output<?>[] grads = m.gradients(loss);
            Op allGrads = m.afterAll(grads).noOp();
            m.start();
            return Timer.time(s, () -> {
                try (Result r = m.runner().fetch(loss).addTarget(allGrads).run()) {
                    return TfGraphSuite.scalar(r, 0);
                }
            });
        }
    }

    private static Operand<TFloat32> convBn(TfModel m, Operand<TFloat32> x, Data.Resnet d, Data.Conv c) {
        Ops tf = m.tf;
        Operand<TFloat32> k = m.weight(Data.oihwToHwio(d.kernels().get(c.name()), c.out(), c.in(), c.k(), c.k()),
                c.k(), c.k(), c.in(), c.out());
        Operand<TFloat32> y = TfGraphSuite.conv(tf, x, k, c.k(), c.stride(), c.pad());
        float[] ones = new float[c.out()];
        java.util.Arrays.fill(ones, 1f);
        Operand<TFloat32> gamma = m.weight(ones, c.out());
        Operand<TFloat32> beta = m.weight(new float[c.out()], c.out());
        Operand<TFloat32> empty = tf.constant(new float[0]);
        return tf.nn.fusedBatchNorm(y, gamma, beta, empty, empty, FusedBatchNorm.isTraining(true),
                FusedBatchNorm.epsilon((float) Data.Resnet.BN_EPS), FusedBatchNorm.dataFormat("NHWC")).y();
    }
}
