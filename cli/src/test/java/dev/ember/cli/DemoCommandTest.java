package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import dev.ember.engine.io.StateDicts;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ember demo} end to end on a tiny configuration (256 synthetic images: 4 TF steps, 4 engine steps). */
class DemoCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsEveryStageOnTheSyntheticSetAndPublishesTheResults() throws Exception {
        Path outDir = tmp.resolve("demo");
        int rc = run("demo", "--out", outDir.toString(), "--limit", "256", "--data", tmp.resolve("no-dataset").toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as("%s%n%s", printed, err).isZero();

        assertThat(printed).contains("Data: Fashion-MNIST not found in", "synthetic set")
                .contains("[1/6] train the original on the real TF runtime", "| epoch 0: mean training loss",
                        "| test accuracy: 0.")
                .contains("[2/6] migrate", "2 files scanned, 1 rewritten, 1 unchanged, 0 with TODOs; 2 of 2 run sites converted")
                .contains("[3/6] compile", "javac: 4 files")
                .contains("[4/6] run the generated parity tests", "FashionCnnParityTest.lossGradientsMatchTensorFlow",
                        "FashionCnnParityTest.predictedMatchesTensorFlow", "2 of 2 generated tests pass, 8 tensors compared")
                .containsPattern("dloss/dconv1/kernel \\(HWIO<->OIHW\\)\\s+PASS\\s+\\[5, 5, 1, 8\\] -> \\[8, 1, 5, 5\\]")
                .doesNotContain("FAIL")
                .contains("[5/6] import", "| `conv1/kernel` | float32 | [5, 5, 1, 8] | `conv1.kernel` | float32 | [8, 1, 5, 5] | conv2d |",
                        "| `dense/kernel` | float32 | [784, 10] | `dense.kernel` | float32 | [784, 10] | none |",
                        "6 tensors loaded into FashionCnnModel (strict)")
                .contains("[6/6] accuracy", "fine-tuning: SGD(lr=0.05), 1 epoch(s) of 4 steps of 64", "epoch 1: mean training loss")
                .contains("Summary", "total");
        for (int stage = 1; stage <= 6; stage++) {
            assertThat(printed).containsPattern("stage " + stage + " took \\d+\\.\\d s");
        }
        // the proof: the migrated model with TF's weights scores what TF scored, on the same 256 test images
        double tf = number(printed, "TF runtime, original program after training:\\s+([0-9.]+) \\((\\d+) of 256");
        double engine = number(printed, "engine, migrated model \\+ imported checkpoint:\\s+([0-9.]+) \\((\\d+) of 256");
        assertThat(engine).isCloseTo(tf, org.assertj.core.data.Offset.offset(1.5 / 256));
        number(printed, "engine, after fine-tuning 1 epoch\\(s\\):\\s+([0-9.]+)");

        assertThat(outDir.resolve("migrated/src/main/java/com/example/classic/FashionCnn.java")).content()
                .contains("extends Module").doesNotContain("org.tensorflow");
        assertThat(outDir.resolve("migrated/src/test/java/com/example/classic/FashionCnnParityTest.java")).exists();
        assertThat(outDir.resolve("migration-report.md")).exists();
        assertThat(outDir.resolve("parity-report.html")).content().contains("FashionCnn.loss.gradients");
        assertThat(outDir.resolve("finetuned.safetensors")).exists();
        // the imported state_dict holds TF's saved values, conv kernels HWIO -> OIHW
        Map<String, Tensor> imported = StateDicts.load(outDir.resolve("imported.safetensors"));
        try (TfCheckpoint ckpt = TfCheckpoint.open(outDir.resolve("tf-checkpoint/model.ckpt"))) {
            assertThat(imported.get("conv2.kernel").toFloatArray())
                    .containsExactly(ckpt.read("conv2/kernel").permute(3, 2, 0, 1).contiguous().toFloatArray());
            assertThat(imported.get("dense.kernel").toFloatArray()).containsExactly(ckpt.read("dense/kernel").toFloatArray());
        }
        assertThat(partials()).isEmpty();
    }

    @Test
    void refusesANonEmptyOutWithoutForce() throws Exception {
        Path outDir = Files.createDirectories(tmp.resolve("demo"));
        Files.writeString(outDir.resolve("keep.txt"), "mine");
        assertThat(run("demo", "--out", outDir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists and is not empty (--force replaces it)");
        assertThat(outDir.resolve("keep.txt")).hasContent("mine");
        assertThat(run("demo", "--limit", "10")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--limit must be at least one batch (64), got 10");
    }

    @Test
    void aFailingStageWritesNothing() throws Exception {
        Path example = tmp.resolve("broken-example");
        Path src = DemoCommand.locateExample().resolve("src/main/java/com/example/classic");
        Path dst = Files.createDirectories(example.resolve("src/main/java/com/example/classic"));
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : s.toList()) {
                Files.copy(p, dst.resolve(p.getFileName()));
            }
        }
        Files.writeString(dst.resolve("FashionCnn.java"), Files.readString(dst.resolve("FashionCnn.java"))
                .replace("static final int BATCH = 64;", "static final int BATCH = ;"));
        Path outDir = tmp.resolve("demo");
        assertThat(run("demo", "--out", outDir.toString(), "--example", example.toString(), "--limit", "64", "--data",
                tmp.resolve("no-dataset").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("javac failed").contains("FashionCnn.java:")
                .contains("stopped; nothing written to " + outDir);
        assertThat(outDir).doesNotExist();
        assertThat(partials()).isEmpty();
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Staging directories left behind next to --out. */
    private java.util.List<Path> partials() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().contains(".partial-")).toList();
        }
    }
}
