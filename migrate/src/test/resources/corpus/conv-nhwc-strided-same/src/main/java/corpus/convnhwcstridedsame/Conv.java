package corpus.convnhwcstridedsame;

import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * NHWC convolutions with seeded random kernels (reshaped from flat arrays, so their shapes are static):
 * a strided SAME conv (asymmetric padding), pooling, flatten, dense; a 4-D fetch.
 */
public class Conv {
    public static float[][] run(float[][][][] images) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 3)));
            Random rnd = new Random(3);
            Variable<TFloat32> k1 = tf.withName("k1").variable(
                    tf.reshape(tf.constant(values(rnd, 3 * 3 * 3 * 4)), tf.constant(new long[] {3, 3, 3, 4})));
            Variable<TFloat32> k2 = tf.withName("k2").variable(
                    tf.reshape(tf.constant(values(rnd, 2 * 2 * 4 * 4)), tf.constant(new long[] {2, 2, 4, 4})));
            Variable<TFloat32> fc = tf.withName("fc").variable(tf.constant(dense(rnd, 2 * 2 * 4, 5)));
            // stride 2 on 8x8: TF pads 0 before and 1 after
            Operand<TFloat32> c1 = tf.nn.relu(tf.nn.conv2d(x, k1, List.of(1L, 2L, 2L, 1L), "SAME"));
            Operand<TFloat32> c2 = tf.nn.conv2d(c1, k2, List.of(1L, 1L, 1L, 1L), "VALID");
            Operand<TFloat32> p = tf.nn.avgPool(c2, List.of(1L, 2L, 2L, 1L), List.of(1L, 1L, 1L, 1L), "VALID");
            Operand<TFloat32> features = tf.nn.softmax(p);
            Operand<TFloat32> logits = tf.linalg.matMul(tf.reshape(features, tf.constant(new long[] {-1, 16})), fc);
            s.initialize();
            try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(images));
                 Result r = s.runner().feed(x, in).fetch(logits).fetch(c1).run()) {
                TFloat32 out = (TFloat32) r.get(0);
                float corner = ((TFloat32) r.get(1)).getFloat(0, 0, 0, 0);
                return new float[][] {{out.getFloat(0, 0), corner}};
            }
        }
    }

    static float[] values(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        return v;
    }

    static float[][] dense(Random rnd, int rows, int cols) {
        float[][] d = new float[rows][cols];
        for (float[] r : d) {
            for (int i = 0; i < cols; i++) {
                r[i] = (float) rnd.nextGaussian() * 0.3f;
            }
        }
        return d;
    }
}
