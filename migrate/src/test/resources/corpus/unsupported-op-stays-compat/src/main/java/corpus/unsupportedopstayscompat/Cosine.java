package corpus.unsupportedopstayscompat;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** An op outside the translation table keeps the whole program at compat, with a TODO on it. */
public class Cosine {
    public static float cos(float v) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> y = tf.math.cos(tf.constant(v));
            try (Result r = s.runner().fetch(y).run()) {
                return ((TFloat32) r.get(0)).getFloat();
            }
        }
    }
}
