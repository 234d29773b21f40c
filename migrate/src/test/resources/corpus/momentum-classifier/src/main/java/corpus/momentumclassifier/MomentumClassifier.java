package corpus.momentumclassifier;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Multinomial logistic regression trained with the framework's Nesterov Momentum optimizer:
 * minimize(loss) as the run target, the loss fetched in the same run, one run per epoch. The int32
 * labels are one-hot encoded in the graph (TF's C++ gradients have none for the sparse cross-entropy).
 */
public class MomentumClassifier {
    static final float LEARNING_RATE = 0.1f;
    static final float MOMENTUM = 0.9f;

    public static float[] train(int epochs) {
        Random rnd = new Random(5);
        float[][] xs = new float[30][3];
        int[] ys = new int[30];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                xs[i][j] = rnd.nextFloat() * 2 - 1 + (j == ys[i] ? 1f : 0f);
            }
        }
        float[] losses = new float[epochs];
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> features = tf.withName("features").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, 3)));
            Placeholder<TInt32> labels = tf.withName("labels").placeholder(TInt32.class,
                    Placeholder.shape(Shape.of(-1)));
            Variable<TFloat32> weights = tf.withName("weights").variable(tf.constant(new float[][] {
                {0.2f, -0.1f, 0.3f}, {-0.3f, 0.25f, 0.1f}, {0.15f, 0.2f, -0.25f}}));
            Variable<TFloat32> bias = tf.withName("bias").variable(tf.zeros(tf.constant(new int[] {3}), TFloat32.class));
            Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(features, weights), bias);
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits,
                    tf.oneHot(labels, tf.constant(3), tf.constant(1f), tf.constant(0f))).loss(),
                    tf.constant(0));
            Op minimize = new Momentum(g, LEARNING_RATE, MOMENTUM, true).minimize(loss);
            try (Session session = new Session(g)) {
                session.initialize();
                try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(xs));
                     TInt32 y = TInt32.vectorOf(ys)) {
                    for (int epoch = 0; epoch < epochs; epoch++) {
                        try (Result r = session.runner().feed(features, x).feed(labels, y).addTarget(minimize)
                                .fetch(loss).run()) {
                            losses[epoch] = ((TFloat32) r.get(0)).getFloat();
                        }
                    }
                }
            }
        }
        return losses;
    }
}
