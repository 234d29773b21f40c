package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import dev.ember.engine.io.StateDicts;
import dev.ember.engine.nn.Module;
import dev.ember.tfcompat.checkpoint.TfCheckpointWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCheckpointCommandTest {
    @TempDir
    Path dir;
    private Path prefix;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private float[] kernel;
    private float[] conv;

    /** A layer holding just weight and bias, so that state_dict keys are {@code <name>.weight/bias}. */
    public static final class Params extends Module {
        public Params(long[] weight, long[] bias) {
            registerParameter("weight", Tensor.zeros(weight));
            registerParameter("bias", Tensor.zeros(bias));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    /** The engine model the TF1 checkpoint below maps to. */
    public static final class TfNet extends Module {
        public TfNet() {
            registerModule("conv2d", new Params(new long[] {4, 1, 3, 3}, new long[] {4}));
            registerModule("dense", new Params(new long[] {2, 5}, new long[] {2}));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    @BeforeEach
    void writeCheckpoint() throws Exception {
        kernel = new float[10];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = i;
        }
        conv = new float[36];
        for (int i = 0; i < conv.length; i++) {
            conv[i] = i * 0.5f;
        }
        Map<String, Tensor> vars = new LinkedHashMap<>();
        vars.put("dense/kernel", Tensor.fromArray(kernel, 5, 2));           // (in, out)
        vars.put("dense/bias", Tensor.of(1f, 2f));
        vars.put("conv2d/kernel", Tensor.fromArray(conv, 3, 3, 1, 4));       // HWIO
        vars.put("conv2d/bias", Tensor.zeros(4));
        vars.put("global_step", Tensor.scalar(7L));
        prefix = dir.resolve("model.ckpt-7");
        TfCheckpointWriter.write(prefix, vars);
    }

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void importsWithLayoutTransformsAndPrintsTheTable() throws Exception {
        Path target = dir.resolve("out.safetensors");
        Path report = dir.resolve("import.md");
        assertThat(run("import-checkpoint", prefix.toString(), "--out", target.toString(), "--report",
                report.toString(), "--model", TfNet.class.getName())).as(err.toString()).isZero();
        Map<String, Tensor> sd = StateDicts.load(target);
        assertThat(sd.keySet()).containsExactlyInAnyOrder("dense.weight", "dense.bias", "conv2d.weight", "conv2d.bias");
        Tensor w = sd.get("dense.weight");
        assertThat(w.shape()).containsExactly(2, 5);
        // dense.weight[o][i] = kernel[i][o]
        assertThat(w.toFloatArray()[1 * 5 + 3]).isEqualTo(kernel[3 * 2 + 1]);
        Tensor c = sd.get("conv2d.weight");
        assertThat(c.shape()).containsExactly(4, 1, 3, 3);
        // OIHW[o][0][h][w] = HWIO[h][w][0][o]
        assertThat(c.toFloatArray()[2 * 9 + 1 * 3 + 2]).isEqualTo(conv[(1 * 3 + 2) * 4 + 2]);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("`dense/kernel`").contains("`dense.weight`").contains("global_step")
                .contains("Wrote 4 tensors");
        assertThat(Files.readString(report)).contains("`conv2d.weight`");
    }

    @Test
    void aModelMismatchWritesNothingAndNamesTheKeys() {
        Path target = dir.resolve("out.safetensors");
        assertThat(run("import-checkpoint", prefix.toString(), "--out", target.toString(), "--model",
                OtherNet.class.getName())).isEqualTo(1);
        assertThat(target).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not in the model: conv2d.weight")
                .contains("missing in the checkpoint (the model has it): head.weight").contains("nothing written");
    }

    /** A model whose names do not match the checkpoint. */
    public static final class OtherNet extends Module {
        public OtherNet() {
            registerModule("head", new Params(new long[] {2, 5}, new long[] {2}));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    @Test
    void userRulesComeFirstAndStrictRefusesUnmappedKeys() throws Exception {
        Path rules = dir.resolve("rules.txt");
        Files.writeString(rules, "# rename the dense layer\n^dense/(kernel|bias)$ -> fc.$1\n");
        Path target = dir.resolve("out.safetensors");
        assertThat(run("import-checkpoint", prefix.toString(), "--out", target.toString(), "--rules",
                rules.toString(), "--strict")).as(err.toString()).isZero();
        assertThat(StateDicts.load(target).keySet()).contains("fc.kernel", "fc.bias", "conv2d.weight");
    }

    @Test
    void badArguments() {
        assertThat(run("import-checkpoint", prefix.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing --out");
        assertThat(run("import-checkpoint", prefix.toString(), "--out", "x.safetensors", "--flatten-fix", "dense:7,7"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--flatten-fix expects LAYER:H,W,C");
        assertThat(run("import-checkpoint", prefix.toString(), "--out", "x.safetensors", "--preset", "nope"))
                .isEqualTo(2);
        assertThat(run("import-checkpoint", dir.resolve("missing").toString(), "--out",
                dir.resolve("y.safetensors").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing");
        assertThat(dir.resolve("y.safetensors")).doesNotExist();
    }
}
