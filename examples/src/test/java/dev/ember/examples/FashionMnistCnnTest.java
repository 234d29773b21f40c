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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Fashion-MNIST example on 128 images (two batches of 64): output, event file,
 * checkpoint, and {@code --resume} continuing an interrupted run bit for bit.
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
