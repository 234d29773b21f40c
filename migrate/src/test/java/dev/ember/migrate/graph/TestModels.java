package dev.ember.migrate.graph;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.nn.FusedBatchNorm;
import dev.ember.tfcompat.types.TFloat32;
import java.util.List;
import java.util.Random;
import org.tensorflow.ndarray.Shape;

/**
 * The graphs of these tests, built with tfcompat's TF-Java API (the same calls as real TF-Java):
 * a frozen NHWC CNN (every weight a Const) and an MLP with variables.
 */
final class TestModels {
    private TestModels() {
    }

    /** x[?,8,8,3] -> conv 3x3 SAME (+bias) -> batch norm -> relu -> max pool 2 -> flatten -> dense 5: logits, probs. */
    static void cnn(Graph g) {
        Ops tf = Ops.create(g);
        Random rnd = new Random(11);
        Operand<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 3)));
        Ops conv = tf.withSubScope("conv");
        var h = tf.nn.biasAdd(tf.nn.conv2d(x, conv.withName("kernel").constant(random(rnd, 3, 3, 3, 4)),
                List.of(1L, 1L, 1L, 1L), "SAME"), conv.withName("bias").constant(vector(rnd, 4, 0, 0.2)));
        Ops bn = tf.withSubScope("bn");
        var y = tf.nn.fusedBatchNorm(h, bn.withName("gamma").constant(vector(rnd, 4, 1, 0.2)),
                bn.withName("beta").constant(vector(rnd, 4, 0, 0.2)), bn.withName("moving_mean").constant(vector(rnd, 4, 0, 0.2)),
                bn.withName("moving_variance").constant(vector(rnd, 4, 1, 0.2)), FusedBatchNorm.epsilon(1e-3f),
                FusedBatchNorm.isTraining(false)).y();
        var p = tf.nn.maxPool(tf.nn.relu(y), tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}),
                "VALID");
        var flat = tf.reshape(p, tf.constant(new long[] {-1, 64}));
        Ops dense = tf.withSubScope("dense");
        var logits = tf.withName("logits").nn.biasAdd(tf.linalg.matMul(flat, dense.withName("kernel").constant(matrix(rnd, 64, 5))),
                dense.withName("bias").constant(vector(rnd, 5, 0, 0.2)));
        tf.withName("probs").nn.softmax(logits);
    }

    static float[][][][] random(Random rnd, int a, int b, int c, int d) {
        float[][][][] v = new float[a][b][c][d];
        for (float[][][] x : v) {
            for (float[][] y : x) {
                for (float[] z : y) {
                    for (int i = 0; i < d; i++) {
                        z[i] = (float) (rnd.nextGaussian() * 0.4);
                    }
                }
            }
        }
        return v;
    }

    static float[][] matrix(Random rnd, int rows, int cols) {
        float[][] v = new float[rows][cols];
        for (float[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (rnd.nextGaussian() * 0.3);
            }
        }
        return v;
    }

    static float[] vector(Random rnd, int n, double mean, double spread) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (mean + spread * (2 * rnd.nextDouble() - 1));
        }
        return v;
    }
}
