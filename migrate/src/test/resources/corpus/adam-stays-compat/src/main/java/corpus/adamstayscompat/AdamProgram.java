package corpus.adamstayscompat;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** TF's Adam puts epsilon elsewhere than PyTorch's: the program stays on tfcompat, with a TODO. */
public class AdamProgram {
    public static void train(float[] xs) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(4)));
            Variable<TFloat32> scale = tf.variable(tf.constant(new float[] {1f, 1f, 1f, 1f}));
            Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.math.mul(x, scale)), tf.constant(0));
            Op minimize = new Adam(g, 0.001f).minimize(loss);
            s.initialize();
            s.runner().feed(x, TFloat32.vectorOf(xs)).addTarget(minimize).run();
        }
    }
}
