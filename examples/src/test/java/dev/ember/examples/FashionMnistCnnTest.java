package dev.ember.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import dev.ember.engine.data.FashionMnist;
import dev.ember.engine.io.Checkpoint;
import dev.ember.engine.io.StateDicts;
import dev.ember.engine.optim.Adam;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Fashion-MNIST example on 128 images (two batches of 64), a few seconds: output, falling
 * loss, event file, checkpoint, {@code --min-accuracy}, and {@code --resume} continuing an
 * interrupted run bit for bit. The 3-epoch accuracy target is a run command, not a test (README,
 * "Examples").
 */
class FashionMnistCnnTest {
    private static final String LIMIT = "128";

    @TempDir
    static Path dir;
    /** An uninterrupted two-epoch run, shared by the tests. */
    private static Path straight;
    private static String straightOutput;

    @BeforeAll
    static void runTwoEpochs() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(FashionMnist.DEFAULT_ROOT.resolve("train-images-idx3-ubyte.gz")),
                () -> "Fashion-MNIST not installed at " + FashionMnist.DEFAULT_ROOT
                        + " (apt-get install dataset-fashion-mnist; .ci/run installs it)");
        straight = dir.resolve("straight");
        straightOutput = Run.main(FashionMnistCnn::main, "--epochs", "2", "--limit", LIMIT, "--out", straight.toString());
    }

    @Test
    void printsTheNetEpochsAndTestAccuracyAndWritesEventsAndACheckpoint() throws Exception {
        List<String> lines = straightOutput.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Sequential(");
        assertThat(lines).contains("  (0): Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))");
        String epoch = "Epoch %d/2: train loss \\d+\\.\\d{4}, train acc [01]\\.\\d{4} \\| test loss \\d+\\.\\d{4}, "
                + "test acc [01]\\.\\d{4} \\| \\d+\\.\\d s \\(train \\d+\\.\\d s, eval \\d+\\.\\d s\\)";
        assertThat(lines.stream().filter(l -> l.startsWith("Epoch"))).satisfiesExactly(
                l -> assertThat(l).matches(String.format(epoch, 1)), l -> assertThat(l).matches(String.format(epoch, 2)));
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("Test accuracy: [01]\\.\\d{4}");

        assertThat(eventFiles(straight)).singleElement().satisfies(f -> assertThat(Files.size(f)).isGreaterThan(1000));
        Checkpoint.Loaded saved = Checkpoint.load(straight.resolve(FashionMnistCnn.CHECKPOINT), FashionMnistCnn.model(),
                null, null);
        assertThat(saved.epoch()).isEqualTo(1);
        assertThat(last).isEqualTo(String.format(Locale.ROOT, "Test accuracy: %.4f", (Double) saved.extra()
                .get("test_accuracy")));
    }

    @Test
    void trainingOnTheSubsetLowersTheLoss() {
        // Two epochs of two batches: the training and the test loss both fall clearly (seeded run:
        // 2.25 -> 1.93 and 2.11 -> 1.75 when written), and the test accuracy ends above twice chance.
        Pattern epoch = Pattern.compile("Epoch \\d/2: train loss (\\S+), train acc \\S+ \\| test loss (\\S+), test acc (\\S+) .*");
        List<double[]> epochs = straightOutput.lines().map(epoch::matcher).filter(Matcher::matches)
                .map(m -> new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3))})
                .toList();
        assertThat(epochs).hasSize(2);
        assertThat(epochs.get(1)[0]).as("train loss, epoch 2 vs 1").isLessThan(epochs.get(0)[0] - 0.1);
        assertThat(epochs.get(1)[1]).as("test loss, epoch 2 vs 1").isLessThan(epochs.get(0)[1] - 0.1);
        assertThat(epochs.get(1)[2]).as("test accuracy after epoch 2").isGreaterThan(0.2);
    }

    @Test
    void minAccuracyMakesTheRunABenchmarkGate() throws Exception {
        // Nothing left to train in the two-epoch run: it only evaluates the checkpoint, then checks the bar.
        String[] again = {"--epochs", "2", "--resume", "--limit", LIMIT, "--out", straight.toString(), "--min-accuracy"};
        String passed = Run.main(FashionMnistCnn::main, append(again, "0.2"));
        assertThat(passed).contains("Nothing to train").containsPattern("Test accuracy: 0\\.\\d{4}");
        assertThatThrownBy(() -> Run.main(FashionMnistCnn::main, append(again, "0.99")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("test accuracy 0\\.\\d{4} is below --min-accuracy 0\\.99");
    }

    @Test
    void resumeContinuesTheRunBitForBit() throws Exception {
        Path resumed = dir.resolve("resumed");
        Path ckpt = resumed.resolve(FashionMnistCnn.CHECKPOINT);
        Run.main(FashionMnistCnn::main, "--epochs", "1", "--limit", LIMIT, "--out", resumed.toString());
        Map<String, Tensor> afterOne = StateDicts.load(ckpt);

        // Nothing left to train: the loaded weights give the
        // accuracy that was saved with them, to the last digit, and nothing is rewritten.
        String idle = Run.main(FashionMnistCnn::main, "--epochs", "1", "--resume", "--limit", LIMIT, "--out",
                resumed.toString());
        double savedAcc = (Double) Checkpoint.load(ckpt, FashionMnistCnn.model(), null, null).extra().get("test_accuracy");
        assertThat(idle).contains("Resumed from " + ckpt + ": 1 epoch(s) done", "Nothing to train")
                .endsWith(String.format(Locale.ROOT, "Test accuracy: %.4f%n", savedAcc));
        sameTensors(StateDicts.load(ckpt), afterOne);

        String second = Run.main(FashionMnistCnn::main, "--epochs", "2", "--resume", "--limit", LIMIT, "--out",
                resumed.toString());
        assertThat(second).contains("Resumed from").contains("Epoch 2/2:").doesNotContain("Epoch 1/2:");
        assertThat(eventFiles(resumed)).hasSize(2);   // one per training run; TensorBoard reads them as one run

        // The resumed run's final checkpoint equals the uninterrupted run's, bit for bit: weights
        // and Adam's moments (so the epoch-1 weights were loaded exactly, and the generator state too:
        // the second epoch shuffled and dropped out the same way).
        Map<String, Tensor> a = StateDicts.load(straight.resolve(FashionMnistCnn.CHECKPOINT));
        Map<String, Tensor> b = StateDicts.load(ckpt);
        assertThat(a.keySet()).contains("model.0.weight").anyMatch(k -> k.startsWith("optimizer.state."));
        sameTensors(a, b);
        assertThat(a.get("model.0.weight").equal(afterOne.get("model.0.weight"))).as("epoch 2 trained").isFalse();
        assertThat(second).endsWith(straightOutput.substring(straightOutput.lastIndexOf("Test accuracy:")));

        var model = FashionMnistCnn.model();
        Checkpoint.Loaded end = Checkpoint.load(ckpt, model, new Adam(model.parameters()), null);
        assertThat(end.epoch()).isEqualTo(1);
        assertThat(model.stateDict().get("0.weight").equal(b.get("model.0.weight"))).isTrue();
    }

    @Test
    void missingDataNamesTheDebianPackage() {
        Path noData = dir.resolve("no-data");
        assertThatThrownBy(() -> Run.main(FashionMnistCnn::main, "--data", noData.toString(), "--out",
                dir.resolve("o").toString()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz")
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("--data DIR");
    }

    @Test
    void resumeWithoutACheckpointIsAClearError() {
        Path empty = dir.resolve("empty");
        assertThatThrownBy(() -> Run.main(FashionMnistCnn::main, "--resume", "--out", empty.toString()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("--resume: no checkpoint at " + empty.resolve(FashionMnistCnn.CHECKPOINT));
    }

    private static String[] append(String[] args, String last) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static List<Path> eventFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList();
        }
    }

    private static void sameTensors(Map<String, Tensor> a, Map<String, Tensor> b) {
        assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
        a.forEach((k, t) -> assertThat(t.equal(b.get(k))).as("%s identical", k).isTrue());
    }
}
