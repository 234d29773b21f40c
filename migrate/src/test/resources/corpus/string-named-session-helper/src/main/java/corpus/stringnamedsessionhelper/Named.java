package corpus.stringnamedsessionhelper;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** String-named feeds and fetches in a helper method that gets the session; stopGradient; a checkpoint. */
public class Named {
    public static void main(String[] args) throws Exception {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Ops scope = tf.withSubScope("dense");
            Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, 4)));
            Variable<TFloat32> kernel = scope.withName("kernel").variable(tf.constant(new float[4][3]));
            Variable<TFloat32> bias = scope.withName("bias").variable(tf.constant(new float[] {0.1f, 0.2f, 0.3f}));
            tf.withName("class").math.argMax(
                    tf.math.add(tf.linalg.matMul(tf.stopGradient(input), kernel), bias), tf.constant(1));
            try (Session session = new Session(graph)) {
                session.initialize();
                System.out.println(firstClass(session, new float[][] {{1, 2, 3, 4}}));
                // (no checkpoint in the corpus copy)
            }
        }
    }

    static long firstClass(Session session, float[][] rows) {
        try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(rows));
             Result r = session.runner().feed("input", in).fetch("class").run()) {
            return ((TInt64) r.get(0)).getLong(0);
        }
    }
}
