package com.example.classic;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * A Fashion-MNIST classifier written the way TF-Java graph/session programs are: placeholders,
 * variables with initialisers, a CNN in NHWC, softmax cross-entropy, gradients, plain gradient-descent
 * updates grouped under a train target by control dependencies, an evaluation run with string-named
 * feeds and fetches, and a checkpoint saved with Session.save.
 *
 * <p>Arguments: [epochs=1] [limit=all] [checkpoint prefix=build/tf-java-classic/model.ckpt] [data dir].
 */
public final class FashionCnn {
    static final int BATCH = 64;
    static final float LEARNING_RATE = 0.05f;

    private FashionCnn() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        String checkpoint = args.length > 2 ? args[2] : "build/tf-java-classic/model.ckpt";
        Path dataDir = args.length > 3 ? Path.of(args[3]) : FashionData.DEFAULT_DIR;
        FashionData train = FashionData.load(dataDir, true, limit);
        FashionData test = FashionData.load(dataDir, false, limit);
        if (train.synthetic) {
            System.out.println("Fashion-MNIST not found in " + dataDir + "; using synthetic 28x28 data");
        }

        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> images = tf.withName("images")
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
            Placeholder<TInt64> labels = tf.withName("labels").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));

            // Weights start from seeded random values computed in Java, so every run starts the same.
            Random rnd = new Random(7);
            Ops c1 = tf.withSubScope("conv1");
            Ops c2 = tf.withSubScope("conv2");
            Ops fc = tf.withSubScope("dense");
            Variable<TFloat32> conv1W = c1.withName("kernel").variable(tf.constant(normal(rnd, 0.1f, 5, 5, 1, 8)));
            Variable<TFloat32> conv1B = c1.withName("bias").variable(tf.constant(new float[8]));
            Variable<TFloat32> conv2W = c2.withName("kernel").variable(tf.constant(normal(rnd, 0.1f, 5, 5, 8, 16)));
            Variable<TFloat32> conv2B = c2.withName("bias").variable(tf.constant(new float[16]));
            Variable<TFloat32> denseW = fc.withName("kernel").variable(tf.constant(normal(rnd, 0.05f, 7 * 7 * 16, 10)));
            Variable<TFloat32> denseB = fc.withName("bias").variable(tf.constant(new float[10]));

            // conv(5x5, SAME) -> bias -> relu -> 2x2 max pool, twice: 28x28x1 -> 14x14x8 -> 7x7x16
            Operand<TFloat32> conv1 = tf.nn.relu(tf.nn.biasAdd(
                    tf.nn.conv2d(images, conv1W, List.of(1L, 1L, 1L, 1L), "SAME"), conv1B));
            Operand<TFloat32> pool1 = tf.nn.maxPool(conv1, tf.constant(new int[] {1, 2, 2, 1}),
                    tf.constant(new int[] {1, 2, 2, 1}), "VALID");
            Operand<TFloat32> conv2 = tf.nn.relu(tf.nn.biasAdd(
                    tf.nn.conv2d(pool1, conv2W, List.of(1L, 1L, 1L, 1L), "SAME"), conv2B));
            Operand<TFloat32> pool2 = tf.nn.maxPool(conv2, tf.constant(new int[] {1, 2, 2, 1}),
                    tf.constant(new int[] {1, 2, 2, 1}), "VALID");
            Operand<TFloat32> flat = tf.reshape(pool2, tf.constant(new long[] {-1, 7 * 7 * 16}));
            Operand<TFloat32> logits = tf.withName("logits").math.add(tf.linalg.matMul(flat, denseW), denseB);

            // Dense labels: TF-Java's addGradients has no C++ gradient for the sparse cross-entropy op.
            Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(10), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> loss = tf.withName("loss").math.mean(
                    tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
            tf.withName("predicted").math.argMax(logits, tf.constant(1));

            // Gradient descent by hand: one update per variable, all under the "train" target.
            List<Variable<TFloat32>> variables = List.of(conv1W, conv1B, conv2W, conv2B, denseW, denseB);
            Gradients grads = tf.gradients(loss, variables);
            /* Each update waits for every gradient: these are TF1 reference variables, read in place, so an
               update that ran early would change a weight another layer's backward pass has yet to read. */
            List<Op> allGradients = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                allGradients.add(grads.dy(i));
            }
            Operand<TFloat32> learningRate = tf.constant(LEARNING_RATE);
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                updates.add(tf.withControlDependencies(allGradients).train.applyGradientDescent(variables.get(i),
                        learningRate, grads.dy(i)));
            }
            Op trainStep = tf.withControlDependencies(updates).withName("train").noOp();

            try (Session session = new Session(graph)) {
                session.initialize();
                for (int epoch = 0; epoch < epochs; epoch++) {
                    float sum = 0;
                    int batches = 0;
                    for (int from = 0; from + BATCH <= train.size(); from += BATCH) {
                        try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(train.imageBatch(from, from + BATCH)));
                             TInt64 y = TInt64.tensorOf(StdArrays.ndCopyOf(train.labelBatch(from, from + BATCH)));
                             Result r = session.runner().feed(images, x).feed(labels, y).addTarget(trainStep)
                                     .fetch(loss).run()) {
                            sum += ((TFloat32) r.get(0)).getFloat();
                            batches++;
                        }
                    }
                    System.out.printf("epoch %d: mean training loss %.4f%n", epoch, sum / Math.max(1, batches));
                }
                System.out.printf("test accuracy: %.4f%n", accuracy(session, test));
                Path prefix = Path.of(checkpoint);
                Files.createDirectories(prefix.toAbsolutePath().getParent());
                session.save(prefix.toString());
                System.out.println("saved checkpoint " + prefix);
            }
        }
    }

    /** Evaluation with string-named feeds and fetches, as code driving a graph by op names does. */
    static double accuracy(Session session, FashionData data) {
        int correct = 0;
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(data.imageBatch(from, to)));
                 Result r = session.runner().feed("images", x).fetch("predicted").run()) {
                TInt64 predicted = (TInt64) r.get(0);
                for (int i = from; i < to; i++) {
                    if (predicted.getLong(i - from) == data.labels[i]) {
                        correct++;
                    }
                }
            }
        }
        return correct / (double) data.size();
    }

    /** A float array of the given shape (2-D or 4-D) with N(0, std) values. */
    static float[][][][] normal(Random rnd, float std, int a, int b, int c, int d) {
        float[][][][] w = new float[a][b][c][d];
        for (float[][][] x : w) {
            for (float[][] y : x) {
                for (float[] z : y) {
                    for (int i = 0; i < z.length; i++) {
                        z[i] = std * (float) rnd.nextGaussian();
                    }
                }
            }
        }
        return w;
    }

    static float[][] normal(Random rnd, float std, int rows, int cols) {
        float[][] w = new float[rows][cols];
        for (float[] row : w) {
            for (int i = 0; i < cols; i++) {
                row[i] = std * (float) rnd.nextGaussian();
            }
        }
        return w;
    }
}
