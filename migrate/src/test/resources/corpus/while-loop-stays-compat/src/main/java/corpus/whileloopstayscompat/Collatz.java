package corpus.whileloopstayscompat;

import java.util.Arrays;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.While;
import org.tensorflow.types.TInt32;

/** A graph-side loop: tf.whileOp with cond and body functions counts the halvings of n down to 1. */
public class Collatz {
    public static int halvings(int n) {
        ConcreteFunction cond = ConcreteFunction.create(tf -> {
            Placeholder<TInt32> value = tf.placeholder(TInt32.class);
            Placeholder<TInt32> count = tf.placeholder(TInt32.class);
            return Signature.builder().input("value", value).input("count", count)
                    .output("more", tf.math.greater(value, tf.constant(1))).build();
        });
        ConcreteFunction body = ConcreteFunction.create(tf -> {
            Placeholder<TInt32> value = tf.placeholder(TInt32.class);
            Placeholder<TInt32> count = tf.placeholder(TInt32.class);
            return Signature.builder().input("value", value).input("count", count)
                    .output("value", tf.math.floorDiv(value, tf.constant(2)))
                    .output("count", tf.math.add(count, tf.constant(1))).build();
        });
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TInt32> start = tf.constant(n);
            While loop = tf.whileOp(Arrays.asList(start, tf.constant(0)), cond, body);
            try (Result r = s.runner().fetch(loop.output().get(1)).run()) {
                return ((TInt32) r.get(0)).getInt();
            }
        }
    }
}
