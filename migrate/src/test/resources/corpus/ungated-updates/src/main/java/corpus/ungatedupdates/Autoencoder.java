package corpus.ungatedupdates;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A tiny linear autoencoder trained with one applyGradientDescent per weight, written out by hand and
 * grouped under a train op, but not gated on the gradients: TF1 may update the decoder while the
 * encoder's gradient still reads it. The loss is printed through session.run with a Result read inline.
 */
public class Autoencoder {
    public static void main(String[] args) {
        float[][] batch = new float[8][6];
        Random rnd = new Random(3);
        for (float[] row : batch) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) rnd.nextGaussian();
            }
        }
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(8, 6)));
            Variable<TFloat32> encoder = tf.withName("encoder").variable(tf.constant(weights(6, 2, 11)));
            Variable<TFloat32> decoder = tf.withName("decoder").variable(tf.constant(weights(2, 6, 12)));
            Operand<TFloat32> code = tf.linalg.matMul(input, encoder);
            Operand<TFloat32> reconstruction = tf.linalg.matMul(code, decoder);
            Operand<TFloat32> loss = tf.withName("loss").math.mean(
                    tf.math.squaredDifference(reconstruction, input), tf.constant(new int[] {0, 1}));
            Gradients grads = tf.gradients(loss, java.util.Arrays.asList(encoder, decoder));
            Op updateEncoder = tf.train.applyGradientDescent(encoder, tf.constant(0.05f), grads.dy(0));
            Op updateDecoder = tf.train.applyGradientDescent(decoder, tf.constant(0.05f), grads.dy(1));
            Op train = tf.withControlDependencies(java.util.Arrays.asList(updateEncoder, updateDecoder)).noOp();

            session.initialize();
            for (int step = 0; step < 20; step++) {
                try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(batch))) {
                    session.runner().feed(input, x).addTarget(train).run();
                    if (step % 5 == 0) {
                        float l = ((TFloat32) session.runner().feed(input, x).fetch(loss).run().get(0)).getFloat();
                        System.out.println("step " + step + " loss " + l);
                    }
                }
            }
        }
    }

    static float[][] weights(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[][] w = new float[rows][cols];
        for (float[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = 0.3f * (float) r.nextGaussian();
            }
        }
        return w;
    }
}
