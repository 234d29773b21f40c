package corpus.linearinference;

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

/** The simplest graph program: a placeholder, two variables, matmul + add, one run site. */
public class Linear {
    public static float[] predict(float[][] input) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            // weights and bias, initialised from constants
            Variable<TFloat32> w = tf.variable(tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
            Variable<TFloat32> b = tf.variable(tf.constant(new float[] {0.5f, -0.5f}));
            Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(x, w), b);
            s.initialize();
            try (TFloat32 xs = TFloat32.tensorOf(StdArrays.ndCopyOf(input));
                 Result r = s.runner().feed(x, xs).fetch(y).run()) {
                TFloat32 out = (TFloat32) r.get(0);
                return new float[] {out.getFloat(0, 0), out.getFloat(0, 1)};   // first row
            }
        }
    }
}
