package corpus.gradientsfetched;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Gradients fetched as values: a diagnostic that prints the loss and the gradient of each weight of a
 * small tanh layer (no update: the run only reads them), e.g. to check for vanishing gradients.
 */
public class GradientNorms {
    public static void main(String[] args) {
        float[][] xs = {{0.5f, -1f, 2f}, {1f, 0.25f, -0.5f}};
        float[][] ys = {{1f}, {-1f}};
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            Placeholder<TFloat32> y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
            Variable<TFloat32> kernel = tf.withName("kernel").variable(
                    tf.constant(new float[][] {{0.3f}, {-0.2f}, {0.1f}}));
            Variable<TFloat32> bias = tf.withName("bias").variable(tf.constant(new float[] {0.05f}));
            Operand<TFloat32> out = tf.math.tanh(tf.math.add(tf.linalg.matMul(x, kernel), bias));
            Operand<TFloat32> loss = tf.math.mean(tf.math.squaredDifference(out, y), tf.constant(new int[] {0, 1}));
            Gradients grads = tf.gradients(loss, List.of(kernel, bias));
            Output<TFloat32> dKernel = grads.dy(0);
            Output<TFloat32> dBias = grads.dy(1);
            try (Session s = new Session(g)) {
                s.initialize();
                try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(xs));
                     TFloat32 yt = TFloat32.tensorOf(StdArrays.ndCopyOf(ys));
                     Result r = s.runner().feed(x, xt).feed(y, yt).fetch(loss).fetch(dKernel).fetch(dBias).run()) {
                    TFloat32 gk = (TFloat32) r.get(1);
                    float norm = 0;
                    for (int i = 0; i < 3; i++) {
                        norm += gk.getFloat(i, 0) * gk.getFloat(i, 0);
                    }
                    System.out.printf("loss %.4f, |dKernel| %.4f, dBias %.4f%n", ((TFloat32) r.get(0)).getFloat(),
                            Math.sqrt(norm), ((TFloat32) r.get(2)).getFloat(0));
                }
            }
        }
    }
}
