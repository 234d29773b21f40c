package corpus.multiplefetches;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Result reads and feed tensors: several fetches, scalars, arrays, an inline run, a flat buffer feed. */
public class Reads {
    public static void report(float[] data, float scale) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
            Placeholder<TFloat32> k = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Variable<TFloat32> bias = tf.variable(tf.constant(new float[] {1f, 2f, 3f}));
            Operand<TFloat32> scaled = tf.math.add(tf.math.mul(x, k), bias);
            Operand<TFloat32> total = tf.reduceSum(scaled, tf.constant(new int[] {0, 1}));
            Operand<TInt64> best = tf.math.argMax(scaled, tf.constant(1));
            Operand<TFloat32> columns = tf.reduceSum(scaled, tf.constant(0));
            try (Session s = new Session(g)) {
                s.initialize();
                try (TFloat32 xt = TFloat32.tensorOf(Shape.of(2, 3), DataBuffers.of(data));
                     TFloat32 kt = TFloat32.scalarOf(scale);
                     Result r = s.runner().feed(x, xt).feed(k, kt).fetch(total).fetch(best).fetch(columns).run()) {
                    float t = ((TFloat32) r.get(0)).getFloat();
                    TInt64 b = (TInt64) r.get(1);
                    float[] sums = StdArrays.array1dCopyOf((TFloat32) r.get(2));
                    System.out.println(t + " " + b.getLong(0) + " " + b.getLong(1) + " " + sums[2]);
                }
                float again = ((TFloat32) s.runner().feed(x, TFloat32.tensorOf(Shape.of(2, 3), DataBuffers.of(data)))
                        .feed(k, TFloat32.scalarOf(2f)).fetch(total).run().get(0)).getFloat();
                System.out.println(again);
            }
        }
    }
}
