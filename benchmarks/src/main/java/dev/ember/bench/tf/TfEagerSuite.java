package dev.ember.bench.tf;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Suite;
import dev.ember.bench.Timer;
import dev.ember.bench.Workload;
import java.util.List;
import java.util.function.BinaryOperator;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * TF-Java 1.1.0 eager mode where it has the op: add, matmul, conv2d (forward only: TF-Java's eager
 * mode has no gradient tape, so no training workload runs here).
 */
public final class TfEagerSuite implements Suite {
    @Override
    public String describe() {
        return "TensorFlow " + TensorFlow.version() + " (TF-Java 1.1.0), eager mode, intra-op 2 / inter-op 1 threads";
    }

    @Override
    public Measurement measure(Workload w, Settings s) throws Exception {
        try (EagerSession session = EagerSession.options().config(TfModel.config()).build()) {
            Ops tf = Ops.create(session);
            switch (w) {
                case W1: return timed(tf, s, Workload.W1_OPS, Data.uniform(11, 64, -1, 1), Data.uniform(12, 64, -1, 1),
                        new long[] {8, 8}, new long[] {8, 8}, (a, b) -> tf.math.add(a, b), true);
                case W2_1024: return gemm(tf, s, 1024);
                case W2_4096: return gemm(tf, s, 4096);
                case W5: return timed(tf, s, 1, Data.nchwToNhwc(Data.uniform(23, 32 * 64 * 56 * 56, -1, 1), 32, 64, 56, 56),
                        Data.oihwToHwio(Data.init(24, 64 * 64 * 9, 64 * 9), 64, 64, 3, 3), new long[] {32, 56, 56, 64},
                        new long[] {3, 3, 64, 64}, (x, k) -> tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "SAME"), false);
                default: throw new NotAvailable("no tf-eager implementation of " + w.id());
            }
        }
    }

    private static Measurement gemm(Ops tf, Settings s, int n) throws Exception {
        return timed(tf, s, 1, Data.uniform(21, n * n, -1, 1), Data.uniform(22, n * n, -1, 1), new long[] {n, n},
                new long[] {n, n}, (a, b) -> tf.linalg.matMul(a, b), false);
    }

    /** Times {@code op(a, b)}, {@code ops} calls per iteration; checks the sum (W1) or mean |value|. */
    private static Measurement timed(Ops tf, Settings s, int ops, float[] a, float[] b, long[] as, long[] bs,
            BinaryOperator<Operand<TFloat32>> op, boolean checkSum) throws Exception {
        Operand<TFloat32> x = tf.constant(Shape.of(as), DataBuffers.of(a, true, false));
        Operand<TFloat32> y = tf.constant(Shape.of(bs), DataBuffers.of(b, true, false));
        TFloat32 first = op.apply(x, y).asTensor();
        double check = checkSum ? TfGraphSuite.sum(first) : TfGraphSuite.meanAbs(first);
        Measurement m = Timer.time(s, ops, () -> {
            for (int i = 0; i < ops; i++) {
                op.apply(x, y);
            }
            return Double.NaN;
        });
        return new Measurement(m.seconds(), new double[] {check}, "");
    }
}
