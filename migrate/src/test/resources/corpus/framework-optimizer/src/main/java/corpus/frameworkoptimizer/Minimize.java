package corpus.frameworkoptimizer;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A framework optimizer: GradientDescent.minimize(loss) run as a target, the result dropped. */
public class Minimize {
    public static void train(float[] xs, int steps) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(4)));
            Variable<TFloat32> scale = tf.withName("scale").variable(tf.constant(new float[] {1f, 1f, 1f, 1f}));
            Operand<TFloat32> loss = tf.reduceSum(tf.math.square(tf.math.mul(x, scale)), tf.constant(0));
            Op minimize = new GradientDescent(g, 0.01f).minimize(loss);
            s.initialize();
            for (int i = 0; i < steps; i++) {
                s.runner().feed(x, TFloat32.vectorOf(xs)).addTarget(minimize).run();
            }
        }
    }
}
