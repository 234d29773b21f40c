package corpus.gradientsbyhand;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Gradient descent by hand: tf.gradients + applyGradientDescent grouped under a train target. */
public class Regression {
    static final float LR = 0.1f;

    public static float fit(float[][] xs, float[][] ys, int steps) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            Placeholder<TFloat32> y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
            Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[][] {{0.1f}, {-0.2f}}));
            Variable<TFloat32> b = tf.withName("b").variable(tf.constant(new float[] {0f}));
            Operand<TFloat32> pred = tf.math.add(tf.linalg.matMul(x, w), b);
            Operand<TFloat32> loss = tf.math.mean(tf.math.square(tf.math.sub(pred, y)), tf.constant(new int[] {0, 1}));
            List<Variable<TFloat32>> vars = List.of(w, b);
            Gradients grads = tf.gradients(loss, vars);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                updates.add(tf.train.applyGradientDescent(vars.get(i), tf.constant(LR), grads.dy(i)));
            }
            Op train = tf.withControlDependencies(updates).noOp();
            float last = 0;
            try (Session s = new Session(g)) {
                s.initialize();
                for (int step = 0; step < steps; step++) {
                    try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(xs));
                         TFloat32 yt = TFloat32.tensorOf(StdArrays.ndCopyOf(ys));
                         Result r = s.runner().feed(x, xt).feed(y, yt).addTarget(train).fetch(loss).run()) {
                        last = ((TFloat32) r.get(0)).getFloat();
                    }
                }
            }
            return last;
        }
    }
}
