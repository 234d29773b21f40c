package dev.ember.examples;

import dev.ember.engine.Ember;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.data.DataLoader;
import dev.ember.engine.data.TensorDataset;
import dev.ember.engine.nn.Conv2d;
import dev.ember.engine.nn.CrossEntropyLoss;
import dev.ember.engine.nn.Flatten;
import dev.ember.engine.nn.Linear;
import dev.ember.engine.nn.MaxPool2d;
import dev.ember.engine.nn.Module;
import dev.ember.engine.nn.ReLU;
import dev.ember.engine.nn.Sequential;
import dev.ember.engine.optim.Adam;
import dev.ember.engine.optim.Optimizer;
import dev.ember.engine.optim.SGD;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The three networks of a classic TensorFlow -> PyTorch lab on CIFAR-shaped data (3x32x32, 10
 * classes): a linear classifier (SGD, lr 0.01), an MLP with one hidden layer of 128 (SGD, lr 0.001,
 * momentum 0.99) and Conv(3->5, k3, p1)-ReLU-MaxPool(3, 2, 1)-Flatten-Linear(1280->128)-ReLU-
 * Linear(128->10) (Adam, lr 0.001); cross-entropy, batches of 64, shuffled every epoch.
 *
 * <p>For each net it prints the net as {@code print(net)} does, then one line per epoch:
 * {@code Epoch 0: Top-1 = 31.4%, Loss = 1.558e-02}. Top-1 is the accuracy on the held-out test
 * split after the epoch (eval mode, no graph). Loss is the epoch's mean training cross-entropy per
 * sample (each batch's mean loss weighted by its size; ln 10 = 2.303 at chance), so it does not
 * depend on the batch size. Numbers are formatted as Python's {@code f"{x:.1f}"} and
 * {@code f"{x:.3e}"} print them.
 *
 * <p>Real CIFAR-10 is read from {@code --data DIR} (the binary version: {@code data_batch_1.bin}
 * .. {@code data_batch_5.bin} and {@code test_batch.bin}); without {@code --data}, it says so and
 * trains on synthetic CIFAR-shaped data (see {@link #synthetic}): one smooth random colour pattern
 * per class, shifted, scaled by a random contrast and drowned in Gaussian noise (seeded, so every
 * run sees the same images).
 */
public final class ClassicLab {
    static final String USAGE = String.join("\n",
            "usage: ember example classic-lab [--epochs N] [--samples N] [--batch-size N] [--data DIR] [--seed S]",
            "",
            "  --epochs N       epochs per network (default 2)",
            "  --samples N      training images (default: 5000 synthetic, or all 50000 of CIFAR-10); the test",
            "                   split has N/5 (at most 10000)",
            "  --batch-size N   default 64",
            "  --data DIR       folder with CIFAR-10's binary batches (data_batch_1.bin ... test_batch.bin);",
            "                   without it the lab uses synthetic CIFAR-shaped data",
            "  --seed S         Ember.manualSeed (default 0)",
            "");
    static final String SYNTHETIC_NOTE = "real CIFAR-10 not found; using synthetic CIFAR-shaped data";

    private static final int CLASSES = 10;
    private static final double[] CIFAR_MEAN = {0.4914, 0.4822, 0.4465};
    private static final double[] CIFAR_STD = {0.2470, 0.2435, 0.2616};

    private ClassicLab() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();   // name -> default ("": not set)
        options.put("epochs", "2");
        options.put("samples", "");
        options.put("batch-size", "64");
        options.put("data", "");
        options.put("seed", "0");
        Flags flags = Flags.parse(args, USAGE, options);
        if (flags == null) {
            return;
        }
        int epochs = flags.getInt("epochs", 1);
        int batchSize = flags.getInt("batch-size", 1);
        Integer samples = flags.get("samples") == null ? null : flags.getInt("samples", 10);
        Ember.manualSeed(flags.getInt("seed", 0));

        Tensor[] train;
        Tensor[] test;
        if (flags.get("data") != null) {
            Path dir = Path.of(flags.get("data"));
            train = readCifar(dir, true, samples);
            test = readCifar(dir, false, samples == null ? null : Math.min(10_000, samples / 5));
            System.out.println("CIFAR-10 from " + dir + ": " + train[0].size(0) + " training and " + test[0].size(0)
                    + " test images");
        } else {
            System.out.println(SYNTHETIC_NOTE);
            int n = samples == null ? 5_000 : samples;
            Random random = new Random(1234);   // the data stays the same whatever --seed says
            float[][][][] patterns = patterns(random);
            train = synthetic(patterns, n, random);
            test = synthetic(patterns, Math.min(10_000, Math.max(n / 5, 1)), random);
        }

        Module linear = new Sequential(new Flatten(), new Linear(3 * 32 * 32, CLASSES));
        run(linear, new SGD(linear.parameters(), 0.01), train, test, epochs, batchSize);

        Module mlp = new Sequential(new Flatten(), new Linear(3 * 32 * 32, 128), new ReLU(), new Linear(128, CLASSES));
        run(mlp, new SGD(mlp.parameters(), 0.001).momentum(0.99), train, test, epochs, batchSize);

        Module cnn = new Sequential(
                new Conv2d(3, 5, 3, 1, 1), new ReLU(), new MaxPool2d(3, 2, 1), new Flatten(),
                new Linear(1280, 128), new ReLU(), new Linear(128, CLASSES));
        run(cnn, new Adam(cnn.parameters(), 1e-3), train, test, epochs, batchSize);
    }

    /** Prints the net, trains it {@code epochs} epochs and prints one line per epoch. */
    static void run(Module net, Optimizer optimizer, Tensor[] train, Tensor[] test, int epochs, int batchSize) {
        System.out.println();
        System.out.println(net);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        try (DataLoader<Tensor[]> loader = DataLoader.builder(new TensorDataset(train)).batchSize(batchSize)
                .shuffle(true).build()) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                net.train();
                double lossSum = 0;
                long seen = 0;
                for (Tensor[] batch : loader) {
                    optimizer.zeroGrad();
                    Tensor loss = criterion.forward(net.forward(batch[0]), batch[1]);
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item() * batch[0].size(0);
                    seen += batch[0].size(0);
                }
                double top1 = accuracy(net, test);
                System.out.println("Epoch " + epoch + ": Top-1 = " + pyFixed(100 * top1, 1) + "%, Loss = "
                        + pyScientific(lossSum / seen, 3));
            }
        }
    }

    /** The fraction of {@code data} the net classifies right, in eval mode without building a graph. */
    static double accuracy(Module net, Tensor[] data) {
        net.eval();
        long correct = 0;
        long n = data[0].size(0);
        try (NoGrad g = NoGrad.enter()) {
            for (long start = 0; start < n; start += 1000) {
                long len = Math.min(1000, n - start);
                Tensor predicted = net.forward(data[0].narrow(0, start, len)).argmax(1, false);
                correct += (long) predicted.eq(data[1].narrow(0, start, len)).sum().item();
            }
        }
        return (double) correct / n;
    }

    /**
     * One smooth random colour pattern per class, {@code [10][3][40][40]}: 10x10 random N(0, 1)
     * blocks of 4x4 pixels.
     */
    static float[][][][] patterns(Random random) {
        float[][][][] patterns = new float[CLASSES][3][40][40];
        for (float[][][] pattern : patterns) {
            for (float[][] plane : pattern) {
                for (int by = 0; by < 10; by++) {
                    for (int bx = 0; bx < 10; bx++) {
                        float v = (float) random.nextGaussian();
                        for (int y = 0; y < 4; y++) {
                            Arrays.fill(plane[by * 4 + y], bx * 4, bx * 4 + 4, v);
                        }
                    }
                }
            }
        }
        return patterns;
    }

    /**
     * {@code n} synthetic CIFAR-shaped images {@code [n, 3, 32, 32]} and labels {@code [n]}: a random
     * 32x32 window of the label's pattern (so it moves by up to 8 pixels), times 0.15 and a random
     * contrast in [0.5, 1.5), plus N(0, 1) noise per pixel. Hard enough that the three nets need a few
     * epochs.
     */
    static Tensor[] synthetic(float[][][][] patterns, int n, Random random) {
        float[] x = new float[n * 3 * 32 * 32];
        long[] labels = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(CLASSES);
            int dy = random.nextInt(9);
            int dx = random.nextInt(9);
            double scale = 0.15 * (0.5 + random.nextDouble());
            labels[i] = label;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int xx = 0; xx < 32; xx++) {
                        x[k++] = (float) (scale * patterns[label][c][dy + y][dx + xx] + random.nextGaussian());
                    }
                }
            }
        }
        return new Tensor[] {Tensor.fromArray(x, n, 3, 32, 32), Tensor.fromArray(labels, n)};
    }

    /**
     * CIFAR-10's binary batches in {@code dir} (or its {@code cifar-10-batches-bin} sub-folder):
     * records of one label byte and 3072 pixel bytes (R, G, B planes), scaled to [0, 1] and
     * normalised per channel, as {@code ToTensor()} + {@code Normalize(mean, std)} do.
     * {@code limit} keeps the first images only.
     */
    static Tensor[] readCifar(Path dir, boolean train, Integer limit) throws IOException {
        Path root = Files.isDirectory(dir.resolve("cifar-10-batches-bin")) ? dir.resolve("cifar-10-batches-bin") : dir;
        List<Path> files = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                files.add(root.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(root.resolve("test_batch.bin"));
        }
        List<byte[]> records = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("classic-lab: --data " + dir + " has no " + root.relativize(f) + " (CIFAR-10's "
                        + "binary version: data_batch_1.bin ... data_batch_5.bin and test_batch.bin; leave --data "
                        + "out to use synthetic data)");
            }
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length == 0 || bytes.length % 3073 != 0) {
                throw new IOException("classic-lab: " + f + " has " + bytes.length + " bytes, not a whole number of "
                        + "3073-byte CIFAR-10 records");
            }
            records.add(bytes);
        }
        int total = records.stream().mapToInt(b -> b.length / 3073).sum();
        int n = limit == null ? total : Math.min(limit, total);
        float[] x = new float[n * 3072];
        long[] y = new long[n];
        int i = 0;
        for (byte[] bytes : records) {
            for (int r = 0; r < bytes.length / 3073 && i < n; r++, i++) {
                int label = bytes[r * 3073] & 0xff;
                if (label >= CLASSES) {
                    throw new IOException("classic-lab: record " + r + " has label " + label + ", expected 0..9");
                }
                y[i] = label;
                for (int p = 0; p < 3072; p++) {
                    int c = p / 1024;
                    x[i * 3072 + p] = (float) (((bytes[r * 3073 + 1 + p] & 0xff) / 255.0 - CIFAR_MEAN[c]) / CIFAR_STD[c]);
                }
            }
        }
        return new Tensor[] {Tensor.fromArray(x, n, 3, 32, 32), Tensor.fromArray(y, n)};
    }

    /** {@code x} with {@code digits} decimals as Python's {@code f"{x:.Nf}"}: the exact binary value, rounded half-even. */
    static String pyFixed(double x, int digits) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * {@code x} as Python's {@code f"{x:.Ne}"}: {@code 1.558e-02} (lower-case e, sign, at least two
     * exponent digits), rounded half-even from the exact binary value as Python does (Java's
     * {@code %e} rounds its shortest decimal form half-up, which differs on ties).
     */
    static String pyScientific(double x, int digits) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0 ? "-" : "") + "0." + "0".repeat(digits) + "e+00";
        }
        BigDecimal b = new BigDecimal(x).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
        int exponent = b.precision() - b.scale() - 1;
        String mantissa = b.movePointLeft(exponent).setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
