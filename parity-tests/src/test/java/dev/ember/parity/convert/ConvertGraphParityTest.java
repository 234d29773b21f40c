package dev.ember.parity.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import dev.ember.engine.io.StateDicts;
import dev.ember.migrate.graph.ConvertGraph;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * {@code convert-graph} against the real TF-Java 1.1.0 runtime: a small MLP and a small NHWC CNN
 * (conv+bias, batch norm, relu, max pool, a stride-2 SAME conv with uneven padding, flatten, dense)
 * are built on TF, exported as a SavedModel ({@code SavedModelBundle.exporter}) and as a frozen
 * {@code graph.pb} (the same weights as Const nodes); each is converted, the generated module and
 * its generated parity test are compiled, and the generated test is run: TF and the engine on the
 * same seeded inputs, float32 tolerance (atol 1e-5 + rtol 1e-5). Weights without the flatten-order
 * fix make the same generated test fail, so it can fail.
 */
class ConvertGraphParityTest {
    @TempDir
    Path dir;

    /** Where a model's weights come from: variables (SavedModel) or Const nodes (frozen graph). */
    private record Weights(Ops tf, boolean variables, Random rnd) {
        Operand<TFloat32> get(Ops scope, String name, Object init) {
            Operand<TFloat32> c = init instanceof float[][][][] ? tf.constant((float[][][][]) init)
                    : init instanceof float[][] ? tf.constant((float[][]) init) : tf.constant((float[]) init);
            return variables ? scope.withName(name).variable(c) : scope.withName(name).constant(asNd(c, init));
        }

        private static org.tensorflow.ndarray.FloatNdArray asNd(Operand<TFloat32> c, Object init) {
            return init instanceof float[][][][] ? org.tensorflow.ndarray.StdArrays.ndCopyOf((float[][][][]) init)
                    : init instanceof float[][] ? org.tensorflow.ndarray.StdArrays.ndCopyOf((float[][]) init)
                    : org.tensorflow.ndarray.StdArrays.ndCopyOf((float[]) init);
        }

        float[][][][] kernel(int kh, int kw, int in, int out) {
            float[][][][] v = new float[kh][kw][in][out];
            double s = Math.sqrt(2.0 / (kh * kw * in));
            for (float[][][] a : v) {
                for (float[][] b : a) {
                    for (float[] c : b) {
                        for (int i = 0; i < out; i++) {
                            c[i] = (float) (rnd.nextGaussian() * s);
                        }
                    }
                }
            }
            return v;
        }

        float[][] matrix(int in, int out) {
            float[][] v = new float[in][out];
            for (float[] row : v) {
                for (int j = 0; j < out; j++) {
                    row[j] = (float) (rnd.nextGaussian() / Math.sqrt(in));
                }
            }
            return v;
        }

        float[] vector(int n, double mean, double spread) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (mean + spread * (2 * rnd.nextDouble() - 1));
            }
            return v;
        }
    }

    /** x[?,6] -> dense 8 (+bias) -> relu -> dense 3 (+bias) -> softmax: "probs". */
    private static Signature mlp(Ops tf, boolean variables) {
        Weights w = new Weights(tf, variables, new Random(21));
        var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6)));
        Ops d1 = tf.withSubScope("hidden");
        var h = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, w.get(d1, "kernel", w.matrix(6, 8))),
                w.get(d1, "bias", w.vector(8, 0, 0.3))));
        Ops d2 = tf.withSubScope("head");
        var logits = tf.nn.biasAdd(tf.linalg.matMul(h, w.get(d2, "kernel", w.matrix(8, 3))),
                w.get(d2, "bias", w.vector(3, 0, 0.3)));
        var probs = tf.withName("probs").nn.softmax(logits);
        return Signature.builder().key(Signature.DEFAULT_KEY).input("features", x).output("probs", probs).build();
    }

    /** x[?,8,8,3] -> conv 3x3 SAME + bias -> BN -> relu -> max pool 2 -> conv 3x3 s2 SAME (pads 0/1) + bias -> relu -> flatten -> dense 5. */
    private static Signature cnn(Ops tf, boolean variables) {
        Weights w = new Weights(tf, variables, new Random(33));
        var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 3)));
        Ops c1 = tf.withSubScope("conv1");
        Operand<TFloat32> h = tf.nn.biasAdd(tf.nn.conv2d(x, w.get(c1, "kernel", w.kernel(3, 3, 3, 4)), List.of(1L, 1L, 1L, 1L), "SAME"),
                w.get(c1, "bias", w.vector(4, 0, 0.2)));
        Ops bn = tf.withSubScope("bn1");
        h = tf.nn.fusedBatchNorm(h, w.get(bn, "gamma", w.vector(4, 1, 0.3)), w.get(bn, "beta", w.vector(4, 0, 0.3)),
                w.get(bn, "moving_mean", w.vector(4, 0, 0.3)), w.get(bn, "moving_variance", w.vector(4, 1, 0.4)),
                FusedBatchNorm.epsilon(1e-3f), FusedBatchNorm.isTraining(false), FusedBatchNorm.dataFormat("NHWC")).y();
        h = tf.nn.maxPool(tf.nn.relu(h), tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
        Ops c2 = tf.withSubScope("conv2");
        h = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(h, w.get(c2, "kernel", w.kernel(3, 3, 4, 6)), List.of(1L, 2L, 2L, 1L),
                "SAME"), w.get(c2, "bias", w.vector(6, 0, 0.2))));
        var flat = tf.reshape(h, tf.constant(new long[] {-1, 24}));
        Ops d = tf.withSubScope("dense");
        var logits = tf.withName("logits").nn.biasAdd(tf.linalg.matMul(flat, w.get(d, "kernel", w.matrix(24, 5))),
                w.get(d, "bias", w.vector(5, 0, 0.2)));
        var probs = tf.withName("probs").nn.softmax(logits);
        return Signature.builder().key(Signature.DEFAULT_KEY).input("x", x).output("logits", logits)
                .output("probs", probs).build();
    }

    private interface Model {
        Signature build(Ops tf, boolean variables);
    }

    private Path savedModel(String name, Model model) throws Exception {
        Path out = dir.resolve(name + "-savedmodel");
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Signature sig = model.build(Ops.create(g), true);
            s.initialize();
            SavedModelBundle.exporter(out.toString()).withSession(s).withSignature(sig).export();
        }
        return out;
    }

    private Path frozen(String name, Model model) throws Exception {
        Path pb = dir.resolve(name + ".pb");
        try (Graph g = new Graph()) {
            model.build(Ops.create(g), false);
            Files.write(pb, g.toGraphDef().toByteArray());
        }
        return pb;
    }

    @Test
    void anMlpSavedModelAndItsFrozenGraphConvertAndMatchTf() throws Exception {
        ConvertGraph.Result sm = ConvertGraph.run(new ConvertGraph.Options(savedModel("mlp", ConvertGraphParityTest::mlp),
                dir.resolve("mlp-sm"), "Mlp", "gen.mlp", null, null, false));
        assertThat(Files.readString(sm.module())).contains("new Linear(6, 8)", "new Linear(8, 3)",
                "public Tensor forward(Tensor features) {");
        runGeneratedTest(dir.resolve("mlp-sm"), "gen.mlp.Mlp", null);
        ConvertGraph.Result pb = ConvertGraph.run(new ConvertGraph.Options(frozen("mlp", ConvertGraphParityTest::mlp),
                dir.resolve("mlp-pb"), "Mlp", "gen.mlp", null, List.of("probs"), false));
        assertThat(Files.readString(pb.module())).contains("new Linear(6, 8)", "public Tensor forward(Tensor x) {");
        runGeneratedTest(dir.resolve("mlp-pb"), "gen.mlp.Mlp", null);
    }

    @Test
    void anNhwcCnnSavedModelAndItsFrozenGraphConvertAndMatchTf() throws Exception {
        Path smDir = savedModel("cnn", ConvertGraphParityTest::cnn);
        ConvertGraph.Result sm = ConvertGraph.run(new ConvertGraph.Options(smDir, dir.resolve("cnn-sm"), "Cnn",
                "gen.cnn", null, null, false));
        String src = Files.readString(sm.module());
        assertThat(src).contains("new Conv2d(3, 4, new int[] {3, 3}, ConvOptions.defaults().padding(1, 1))",
                "new BatchNorm2d(4, 0.001f, 0.1)", "new Conv2d(4, 6, new int[] {3, 3}, ConvOptions.defaults().stride(2, 2))",
                "new long[] {0, 1, 0, 1}", ".flatten(1, -1)", "new Linear(24, 5)", "x.permute(0, 3, 1, 2)");
        runGeneratedTest(dir.resolve("cnn-sm"), "gen.cnn.Cnn", null);

        ConvertGraph.Result pb = ConvertGraph.run(new ConvertGraph.Options(frozen("cnn", ConvertGraphParityTest::cnn),
                dir.resolve("cnn-pb"), "Cnn", "gen.cnn", null, List.of("logits", "probs"), false));
        runGeneratedTest(dir.resolve("cnn-pb"), "gen.cnn.Cnn", null);

        // the same generated test with the dense weight left in TF's flatten order fails: the check is real
        Map<String, Tensor> sd = new LinkedHashMap<>(StateDicts.load(pb.weights()));
        Tensor fixed = sd.get("dense.weight");
        sd.put("dense.weight", fixed.reshape(5, 6, 2, 2).permute(0, 2, 3, 1).contiguous().reshape(5, 24).contiguous());
        Path unfixed = dir.resolve("unfixed.safetensors");
        StateDicts.save(sd, unfixed);
        assertThatThrownBy(() -> runGeneratedTest(dir.resolve("cnn-pb"), "gen.cnn.Cnn", unfixed))
                .isInstanceOf(AssertionError.class).hasMessageContaining("logits");
    }

    /** Compiles the generated module and parity test in {@code out}, then runs the test's {@code @Test} method. */
    private static void runGeneratedTest(Path out, String moduleClass, Path weightsOverride) throws Exception {
        Path classes = out.resolveSibling(out.getFileName() + "-classes");
        if (!Files.isDirectory(classes)) {
            Files.createDirectories(classes);
            List<Path> sources = new ArrayList<>();
            try (Stream<Path> s = Files.walk(out.resolve("src"))) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, null)) {
                boolean ok = javac.getTask(null, fm, diags, List.of("-classpath", System.getProperty("java.class.path"),
                        "-d", classes.toString(), "-proc:none"), null, fm.getJavaFileObjectsFromPaths(sources)).call();
                assertThat(ok).as("the generated sources compile: %s", diags.getDiagnostics()).isTrue();
            }
        }
        String old = System.getProperty("ember.convert.weights");
        if (weightsOverride != null) {
            System.setProperty("ember.convert.weights", weightsOverride.toString());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ConvertGraphParityTest.class.getClassLoader())) {
            Class<?> test = Class.forName(moduleClass + "ParityTest", true, loader);
            var ctor = test.getDeclaredConstructor();
            ctor.setAccessible(true);
            Object instance = ctor.newInstance();
            int run = 0;
            for (Method m : test.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    m.setAccessible(true);
                    try {
                        m.invoke(instance);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof Error err) {
                            throw err;
                        }
                        throw (Exception) e.getCause();
                    }
                    run++;
                }
            }
            assertThat(run).as("generated @Test methods").isEqualTo(1);
        } finally {
            if (old == null) {
                System.clearProperty("ember.convert.weights");
            } else {
                System.setProperty("ember.convert.weights", old);
            }
        }
    }
}
