package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the classic lab briefly and checks its output contract: the nets as print(net), one line per epoch. */
class ClassicLabTest {
    /** The epoch line of the contract: {@code Epoch 0: Top-1 = 31.4%, Loss = 1.558e-02}. */
    static final Pattern EPOCH = Pattern.compile("Epoch (\\d+): Top-1 = (\\d{1,3}\\.\\d)%, Loss = (\\d\\.\\d{3}e[+-]\\d{2,3})");

    static final String LINEAR = String.join("\n",
            "Sequential(",
            "  (0): Flatten(start_dim=1, end_dim=-1)",
            "  (1): Linear(in_features=3072, out_features=10, bias=True)",
            ")");
    static final String MLP = String.join("\n",
            "Sequential(",
            "  (0): Flatten(start_dim=1, end_dim=-1)",
            "  (1): Linear(in_features=3072, out_features=128, bias=True)",
            "  (2): ReLU()",
            "  (3): Linear(in_features=128, out_features=10, bias=True)",
            ")");
    static final String CNN = String.join("\n",
            "Sequential(",
            "  (0): Conv2d(3, 5, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))",
            "  (1): ReLU()",
            "  (2): MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=1, ceil_mode=False)",
            "  (3): Flatten(start_dim=1, end_dim=-1)",
            "  (4): Linear(in_features=1280, out_features=128, bias=True)",
            "  (5): ReLU()",
            "  (6): Linear(in_features=128, out_features=10, bias=True)",
            ")");

    @Test
    void printsTheNetsThenOneContractLinePerEpoch() throws Exception {
        String out = Run.main(ClassicLab::main, "--epochs", "2", "--samples", "64", "--batch-size", "32");
        List<String> lines = Arrays.asList(out.split("\\R"));

        assertThat(lines.get(0)).isEqualTo("real CIFAR-10 not found; using synthetic CIFAR-shaped data");
        // Each net exactly as PyTorch 1.13 prints it, followed by its epochs 0 and 1.
        String epochs = "\nEpoch 0: [^\n]*\nEpoch 1: [^\n]*\n";
        assertThat(out).containsPattern(Pattern.quote(LINEAR) + epochs + "\n" + Pattern.quote(MLP) + epochs + "\n"
                + Pattern.quote(CNN) + epochs);
        List<String> epochLines = lines.stream().filter(l -> l.startsWith("Epoch")).toList();
        assertThat(epochLines).hasSize(6);
        for (int i = 0; i < epochLines.size(); i++) {
            Matcher m = EPOCH.matcher(epochLines.get(i));
            assertThat(m.matches()).as("'%s' has the contract's form", epochLines.get(i)).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(i % 2);
            assertThat(Double.parseDouble(m.group(2))).isBetween(0.0, 100.0);
            assertThat(Double.parseDouble(m.group(3))).isPositive().isLessThan(100.0);
        }
    }

    @Test
    void theSyntheticDataIsLearnable() {
        // Nearest class mean (no training): far above chance with the real labels, at chance with
        // permuted ones; a generator whose images do not depend on their labels fails this.
        Random random = new Random(1234);
        float[][][][] patterns = ClassicLab.patterns(random);
        Tensor[] train = ClassicLab.synthetic(patterns, 1000, random);
        Tensor[] test = ClassicLab.synthetic(patterns, 500, random);
        assertThat(train[0].shape()).containsExactly(1000, 3, 32, 32);
        assertThat(Arrays.stream(train[1].toLongArray()).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        long[] labels = train[1].toLongArray();
        long[] unrelated = new long[labels.length];   // the same labels, permuted (7 and 1000 are coprime)
        for (int i = 0; i < labels.length; i++) {
            unrelated[i] = labels[(i * 7 + 3) % labels.length];
        }
        assertThat(nearestMeanAccuracy(train[0], labels, test)).isGreaterThan(0.35);
        assertThat(nearestMeanAccuracy(train[0], unrelated, test)).isLessThan(0.2);
    }

    /** Classifies {@code test} by the nearest mean of the training images of each class. */
    private static double nearestMeanAccuracy(Tensor images, long[] labels, Tensor[] test) {
        int d = 3 * 32 * 32;
        float[] x = images.toFloatArray();
        double[][] means = new double[10][d];
        int[] counts = new int[10];
        for (int i = 0; i < labels.length; i++) {
            counts[(int) labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[(int) labels[i]][j] += x[i * d + j];
            }
        }
        float[] t = test[0].toFloatArray();
        long[] y = test[1].toLongArray();
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            int best = -1;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double diff = t[i * d + j] - means[c][j] / counts[c];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = c;
                }
            }
            correct += best == y[i] ? 1 : 0;
        }
        return (double) correct / y.length;
    }

    @Test
    void readsRealCifarBinaryBatchesFromData(@TempDir Path dir) throws Exception {
        for (String name : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
                "test_batch")) {
            writeBatch(dir.resolve(name + ".bin"), 12);
        }
        String out = Run.main(ClassicLab::main, "--epochs", "1", "--data", dir.toString(), "--samples", "40",
                "--batch-size", "20");
        assertThat(out).doesNotContain("synthetic").startsWith("CIFAR-10 from " + dir + ": 40 training and 8 test images");
        assertThat(out.lines().filter(l -> EPOCH.matcher(l).matches())).hasSize(3);

        // Record r of each file has label r % 10 and red, green, blue pixels 0, 128, 255: normalised per channel.
        var xy = ClassicLab.readCifar(dir, false, 5);
        assertThat(xy[0].shape()).containsExactly(5, 3, 32, 32);
        assertThat(xy[1].toLongArray()).containsExactly(0, 1, 2, 3, 4);
        float[] x = xy[0].toFloatArray();
        assertThat(x[0]).isCloseTo((float) ((0 - 0.4914) / 0.2470), within(1e-6f));
        assertThat(x[1024]).isCloseTo((float) ((128 / 255.0 - 0.4822) / 0.2435), within(1e-6f));
        assertThat(x[2048]).isCloseTo((float) ((1 - 0.4465) / 0.2616), within(1e-6f));
    }

    @Test
    void aDataFolderWithoutTheBatchesIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> Run.main(ClassicLab::main, "--data", dir.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("has no data_batch_1.bin");
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> Run.main(ClassicLab::main, "--epoch", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown option --epoch")
                .hasMessageContaining("usage: ember example classic-lab");
        assertThatThrownBy(() -> Run.main(ClassicLab::main, "--epochs", "two"))
                .hasMessageStartingWith("option --epochs expects an integer, got 'two'");
        assertThatThrownBy(() -> Run.main(ClassicLab::main, "--epochs", "0"))
                .hasMessageStartingWith("option --epochs must be >= 1, got 0");
    }

    @Test
    void numbersAreFormattedAsPythonFormatsThem() {
        // Expected values printed by Python 3.11: f"{x:.3e}" and f"{x:.1f}".
        assertThat(ClassicLab.pyScientific(0.01558, 3)).isEqualTo("1.558e-02");
        assertThat(ClassicLab.pyScientific(1.0, 3)).isEqualTo("1.000e+00");
        assertThat(ClassicLab.pyScientific(12345.0, 3)).isEqualTo("1.234e+04");   // a tie: half-even (Java's %e: 1.235)
        assertThat(ClassicLab.pyScientific(9.9995, 3)).isEqualTo("9.999e+00");    // exact binary value is below the tie
        assertThat(ClassicLab.pyScientific(99999.5, 3)).isEqualTo("1.000e+05");
        assertThat(ClassicLab.pyScientific(1.2345e-07, 3)).isEqualTo("1.235e-07");
        assertThat(ClassicLab.pyScientific(1e-100, 3)).isEqualTo("1.000e-100");
        assertThat(ClassicLab.pyScientific(0.0, 3)).isEqualTo("0.000e+00");
        assertThat(ClassicLab.pyScientific(-0.0, 3)).isEqualTo("-0.000e+00");
        assertThat(ClassicLab.pyScientific(Double.NaN, 3)).isEqualTo("nan");
        assertThat(ClassicLab.pyFixed(31.45, 1)).isEqualTo("31.4");                // Java's %.1f: 31.5
        assertThat(ClassicLab.pyFixed(12.25, 1)).isEqualTo("12.2");
        assertThat(ClassicLab.pyFixed(0.05, 1)).isEqualTo("0.1");
        assertThat(ClassicLab.pyFixed(99.95, 1)).isEqualTo("100.0");
        assertThat(ClassicLab.pyFixed(100.0, 1)).isEqualTo("100.0");
    }

    /** A CIFAR-10 binary batch of {@code n} records: label r % 10, red 0, green 128, blue 255. */
    private static void writeBatch(Path file, int n) throws IOException {
        byte[] b = new byte[n * 3073];
        for (int r = 0; r < n; r++) {
            b[r * 3073] = (byte) (r % 10);
            Arrays.fill(b, r * 3073 + 1 + 1024, r * 3073 + 1 + 2048, (byte) 128);
            Arrays.fill(b, r * 3073 + 1 + 2048, r * 3073 + 3073, (byte) 255);
        }
        Files.write(file, b);
    }
}
