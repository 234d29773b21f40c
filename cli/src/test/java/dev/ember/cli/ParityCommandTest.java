package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ParityCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    static final float[][] W = {{1, -2}, {0.5f, 1}, {-1, 0.25f}};

    /** TF side: relu(x @ W) on the real runtime. */
    public static Map<String, org.tensorflow.Tensor> tfSide(Map<String, org.tensorflow.Tensor> in) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
            var y = tf.nn.relu(tf.linalg.matMul(x, tf.constant(W)));
            try (var r = s.runner().feed(x, in.get("x")).fetch(y).run()) {
                TFloat32 t = (TFloat32) r.get(0);
                TFloat32 copy = TFloat32.tensorOf(t.shape());
                t.copyTo(copy);
                return Map.of("y", copy);
            }
        }
    }

    /** Engine side: the same on the engine. */
    public static Map<String, Tensor> engineSide(Map<String, Tensor> in) {
        return Map.of("y", in.get("x").matmul(Tensor.of(W)).relu());
    }

    /** A wrong engine side: the second output column is off. */
    public static Map<String, Tensor> wrongEngineSide(Map<String, Tensor> in) {
        return Map.of("y", in.get("x").matmul(Tensor.of(W)).relu().add(Tensor.of(0f, 0.01f)));
    }

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path spec(String engineMethod) throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, "{\"name\": \"relu-matmul\", \"seed\": 3,"
                + " \"tf\": {\"class\": \"" + getClass().getName() + "\", \"method\": \"tfSide\"},"
                + " \"engine\": {\"class\": \"" + getClass().getName() + "\", \"method\": \"" + engineMethod + "\"},"
                + " \"inputs\": {\"x\": {\"dtype\": \"float32\", \"shape\": [4, 3], \"uniform\": [-1, 1]}},"
                + " \"report\": \"parity.html\"}");
        return spec;
    }

    @Test
    void matchingSidesPassAndWriteTheReport() throws Exception {
        assertThat(run("parity", spec("engineSide").toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("relu-matmul");
        assertThat(Files.readString(tmp.resolve("parity.html"))).contains("<table").contains("relu-matmul");
    }

    @Test
    void aMismatchFailsNamingTheTensor() throws Exception {
        assertThat(run("parity", spec("wrongEngineSide").toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("y");
    }

    @Test
    void badSpecsAreUsageErrors() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"tf\": {}, \"engine\": {}, \"inputs\": {}}");
        assertThat(run("parity", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"class\" is required");
        Files.writeString(bad, "{not json");
        assertThat(run("parity", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not valid JSON");
        assertThat(run("parity", tmp.resolve("none.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("spec file not found");
    }
}
