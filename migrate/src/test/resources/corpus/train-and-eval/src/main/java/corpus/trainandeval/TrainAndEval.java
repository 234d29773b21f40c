package corpus.trainandeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.tensorflow.types.TInt64;

/**
 * A two-layer classifier trained by hand-written gradient descent whose updates wait for all gradients
 * (exact SGD on TF1 too), mini-batches in a loop, and a second run site that evaluates the accuracy,
 * fetched by its node name, after every epoch.
 */
public final class TrainAndEval {
    static final int FEATURES = 4;
    static final int HIDDEN = 8;
    static final int CLASSES = 3;
    static final int BATCH = 16;

    private TrainAndEval() {
    }

    public static void main(String[] args) {
        Random data = new Random(42);
        float[][] xs = new float[64][FEATURES];
        long[] ys = new long[64];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = i % CLASSES;
            for (int j = 0; j < FEATURES; j++) {
                xs[i][j] = (float) data.nextGaussian() + (j == ys[i] ? 2f : 0f);
            }
        }
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Random init = new Random(7);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, FEATURES)));
            Placeholder<TInt64> y = tf.withName("y").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
            Ops hiddenLayer = tf.withSubScope("hidden");
            Ops outLayer = tf.withSubScope("out");
            Variable<TFloat32> w1 = hiddenLayer.withName("kernel").variable(tf.constant(normal(init, FEATURES, HIDDEN)));
            Variable<TFloat32> b1 = hiddenLayer.withName("bias").variable(tf.constant(new float[HIDDEN]));
            Variable<TFloat32> w2 = outLayer.withName("kernel").variable(tf.constant(normal(init, HIDDEN, CLASSES)));
            Variable<TFloat32> b2 = outLayer.withName("bias").variable(tf.constant(new float[CLASSES]));

            Operand<TFloat32> hidden = tf.math.tanh(tf.math.add(tf.linalg.matMul(x, w1), b1));
            Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(hidden, w2), b2);
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits,
                    tf.oneHot(y, tf.constant(CLASSES), tf.constant(1f), tf.constant(0f))).loss(), tf.constant(0));
            tf.withName("accuracy").math.mean(tf.dtypes.cast(tf.math.equal(tf.math.argMax(logits, tf.constant(1)), y),
                    TFloat32.class), tf.constant(0));

            // every update waits for every gradient: no update can race with another layer's backward pass
            List<Variable<TFloat32>> vars = List.of(w1, b1, w2, b2);
            Gradients grads = tf.gradients(loss, vars);
            List<Op> allGradients = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                allGradients.add(grads.dy(i));
            }
            Ops afterGradients = tf.withControlDependencies(allGradients);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                updates.add(afterGradients.train.applyGradientDescent(vars.get(i), tf.constant(0.1f), grads.dy(i)));
            }
            Op train = tf.withControlDependencies(updates).withName("train").noOp();

            try (Session s = new Session(g)) {
                s.initialize();
                for (int epoch = 0; epoch < 3; epoch++) {
                    for (int from = 0; from < xs.length; from += BATCH) {
                        float[][] bx = java.util.Arrays.copyOfRange(xs, from, from + BATCH);
                        long[] by = java.util.Arrays.copyOfRange(ys, from, from + BATCH);
                        try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(bx));
                             TInt64 yt = TInt64.tensorOf(StdArrays.ndCopyOf(by))) {
                            s.runner().feed(x, xt).feed(y, yt).addTarget(train).run();
                        }
                    }
                    try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(xs));
                         TInt64 yt = TInt64.tensorOf(StdArrays.ndCopyOf(ys));
                         Result r = s.runner().feed("x", xt).feed("y", yt).fetch("accuracy").run()) {
                        System.out.printf("epoch %d: accuracy %.3f%n", epoch, ((TFloat32) r.get(0)).getFloat());
                    }
                }
            }
        }
    }

    static float[][] normal(Random rnd, int rows, int cols) {
        float[][] w = new float[rows][cols];
        for (float[] row : w) {
            for (int i = 0; i < cols; i++) {
                row[i] = 0.5f * (float) rnd.nextGaussian();
            }
        }
        return w;
    }
}
