package dev.ember.migrate.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Module;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.SavedModelBundle;
import dev.ember.tfcompat.Signature;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Placeholder;
import org.tensorflow.ndarray.Shape;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.types.TFloat32;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The generator on real GraphDefs built with tfcompat's TF-Java API: the generated source's
 * structure, that it compiles against the engine, that the module with the written weights computes
 * what tfcompat computes for the same graph, that a second run writes the same bytes, and the
 * refusals (unsupported ops all listed with their nodes, non-empty {@code --out}, bad names).
 */
class ConvertGraphTest {
    @TempDir
    Path dir;

    private Path frozenCnn() throws Exception {
        Path pb = dir.resolve("cnn.pb");
        try (Graph g = new Graph()) {
            TestModels.cnn(g);
            Files.write(pb, g.toGraphDef().toByteArray());
        }
        return pb;
    }

    private static ConvertGraph.Options options(Path in, Path out, List<String> outputs, boolean force) {
        return new ConvertGraph.Options(in, out, "Net", "gen.cnn", null, outputs, force);
    }

    @Test
    void aFrozenCnnBecomesLayersWithTheLayoutHandledAtTheBoundary() throws Exception {
        Path out = dir.resolve("out");
        ConvertGraph.Result r = ConvertGraph.run(options(frozenCnn(), out, List.of("logits", "probs"), false));
        String src = Files.readString(r.module());
        assertThat(src).contains("package gen.cnn;", "public class Net extends Module {",
                "public final Conv2d conv = registerModule(\"conv\", new Conv2d(3, 4, new int[] {3, 3}, "
                        + "ConvOptions.defaults().padding(1, 1)));",
                "public final BatchNorm2d bn = registerModule(\"bn\", new BatchNorm2d(4, 0.001f, 0.1));",
                "public final Linear dense = registerModule(\"dense\", new Linear(64, 5));",
                "public record Output(Tensor logits, Tensor probs)",
                "Tensor xNchw = x.permute(0, 3, 1, 2);  // NHWC -> NCHW",
                "Tensor biasAdd = conv.forward(xNchw);  // BiasAdd (Conv2d)",
                ".flatten(1, -1);  // Reshape (Reshape)",
                "Tensor logits = dense.forward(reshape);  // logits (Linear)",
                "Tensor probs = logits.softmax(-1);  // probs (Softmax)", "return new Output(logits, probs);",
                "public Output forwardAll(Tensor x) {");
        assertThat(src).doesNotContain("permute(0, 2, 3, 1)");   // the flatten is fixed in the weights, not undone
        assertThat(Files.readString(r.report())).contains("flattenOrderFix 4x4x4", "| conv.weight | float32 | [4, 3, 3, 3] |",
                "bn (BatchNorm2d): `FusedBatchNorm` (FusedBatchNormV3, is_training=false)");
        assertThat(Files.readString(r.parityTest())).contains("class NetParityTest", "graph.importGraphDef(",
                "runner.feed(\"x:0\", inputs.get(\"x\"));", "runner.fetch(\"probs:0\");",
                ".input(\"x\", Input.float32(2, 8, 8, 3).normal(0, 1))", "Net.Output o = model.forwardAll(in.get(\"x\"));");

        Module net = loadModule(out, "gen.cnn.Net", r.weights());
        Tensor x = Tensor.randn(new Generator(5), 3, 8, 8, 3);
        Object o = net.getClass().getMethod("forwardAll", Tensor.class).invoke(net, x);
        Tensor logits = (Tensor) o.getClass().getMethod("logits").invoke(o);
        Tensor probs = (Tensor) o.getClass().getMethod("probs").invoke(o);
        Map<String, Tensor> ref = runTfcompat(Files.readAllBytes(dir.resolve("cnn.pb")), x, "logits", "probs");
        assertThat(logits.shape()).containsExactly(3, 5);
        assertClose(logits, ref.get("logits"));
        assertClose(probs, ref.get("probs"));
    }

    @Test
    void aSavedModelWithVariablesBecomesLinearLayersAndAParameter() throws Exception {
        Path sm = dir.resolve("mlp");
        Tensor x = Tensor.randn(new Generator(3), 4, 6);
        Map<String, Tensor> ref = new TreeMap<>();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            java.util.Random rnd = new java.util.Random(5);
            var in = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6)));
            // tfcompat's withSubScope(..).withName(..).variable(init) names its Assign with a '/', which its own
            // name check rejects (real TF-Java accepts it): variables are created, then assigned, separately
            List<Operand<?>> inits = new ArrayList<>();
            Ops hidden = tf.withSubScope("hidden");
            var h = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(in, var(tf, hidden, "kernel",
                    tf.constant(TestModels.matrix(rnd, 6, 8)), inits)), var(tf, hidden, "bias",
                    tf.constant(TestModels.vector(rnd, 8, 0, 0.3)), inits)));
            Ops head = tf.withSubScope("head");
            var y = tf.withName("y").math.add(tf.linalg.matMul(h, var(tf, head, "kernel",
                    tf.constant(TestModels.matrix(rnd, 8, 3)), inits)), var(tf, head, "bias",
                    tf.constant(TestModels.vector(rnd, 3, 0, 0.3)), inits));
            var scale = var(tf, tf, "scale", tf.constant(TestModels.vector(rnd, 3, 1, 0.5)), inits);
            var z = tf.withName("z").math.mul(tf.math.sigmoid(y), scale);
            Session.Runner init = s.runner();
            inits.forEach(init::addTarget);
            init.run();
            SavedModelBundle.exporter(sm.toString()).withSession(s).withSignature(Signature.builder()
                    .key("serving_default").input("features", in).output("y", y).output("z", z).build()).export();
            try (var r = s.runner().feed("x", TypeInfo.of(TFloat32.class).fromEngine(x)).fetch("y").fetch("z").run()) {
                ref.put("y", TypeInfo.toEngine(r.get(0)));
                ref.put("z", TypeInfo.toEngine(r.get(1)));
            }
        }
        Path out = dir.resolve("out");
        ConvertGraph.Result r = ConvertGraph.run(new ConvertGraph.Options(sm, out, "Mlp", "", null, null, false));
        String src = Files.readString(r.module());
        assertThat(src).contains("public final Linear hidden = registerModule(\"hidden\", new Linear(6, 8));",
                "public final Linear head = registerModule(\"head\", new Linear(8, 3));",
                "public final Tensor scale = registerParameter(\"scale\", Tensor.zeros(3));",
                "public Output forwardAll(Tensor features) {", "Tensor z = y.sigmoid().mul(scale)".substring(0, 10));
        assertThat(Files.readString(r.parityTest())).contains("TfSavedModelSide.load(MODEL, \"serving_default\")",
                ".input(\"features\", Input.float32(2, 6).normal(0, 1))");
        Module mlp = loadModule(out, "Mlp", r.weights());
        Object o = mlp.getClass().getMethod("forwardAll", Tensor.class).invoke(mlp, x);
        assertClose((Tensor) o.getClass().getMethod("y").invoke(o), ref.get("y"));
        assertClose((Tensor) o.getClass().getMethod("z").invoke(o), ref.get("z"));
        assertThat(mlp.stateDict().keySet()).containsExactly("scale", "hidden.weight", "hidden.bias", "head.weight",
                "head.bias");
    }

    private static Operand<TFloat32> var(Ops tf, Ops scope, String name, Operand<TFloat32> init, List<Operand<?>> inits) {
        var v = scope.withName(name).variable(init.shape(), TFloat32.class);
        inits.add(tf.assign(v, init));
        return v;
    }

    @Test
    void theFlattenFixMattersAndIsApplied() throws Exception {
        Path out = dir.resolve("out");
        ConvertGraph.Result r = ConvertGraph.run(options(frozenCnn(), out, List.of("logits"), false));
        Module net = loadModule(out, "gen.cnn.Net", r.weights());
        Tensor x = Tensor.randn(new Generator(9), 2, 8, 8, 3);
        Tensor ref = runTfcompat(Files.readAllBytes(dir.resolve("cnn.pb")), x, "logits").get("logits");
        assertClose(net.forward(x), ref);
        // the same weights without the reorder give a different answer: the check above can fail
        Map<String, Tensor> sd = net.stateDict();
        Tensor w = sd.get("dense.weight");
        Tensor unfixed = w.reshape(5, 4, 4, 4).permute(0, 2, 3, 1).contiguous().reshape(5, 64);
        w.copy_(unfixed.detach());
        assertThat(net.forward(x).allClose(ref, 1e-5, 1e-5)).isFalse();
    }

    @Test
    void aSecondRunWritesTheSameBytes() throws Exception {
        Path pb = frozenCnn();
        Path out = dir.resolve("out");
        ConvertGraph.run(options(pb, out, List.of("logits", "probs"), false));
        Map<String, byte[]> first = files(out);
        ConvertGraph.run(options(pb, out, List.of("logits", "probs"), true));
        Map<String, byte[]> second = files(out);
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet()).hasSize(4);
        first.forEach((k, v) -> assertThat(second.get(k)).as(k).isEqualTo(v));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cnn.pb", "out");
        }
    }

    @Test
    void everyUnsupportedOpIsListedWithItsNodesAndNothingIsWritten() throws Exception {
        GraphDef def = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder"))
                .addNode(NodeDef.newBuilder().setName("a/cum").setOp("Cumsum").addInput("x").addInput("x"))
                .addNode(NodeDef.newBuilder().setName("b/cum").setOp("Cumsum").addInput("a/cum").addInput("x"))
                .addNode(NodeDef.newBuilder().setName("r").setOp("Relu").addInput("b/cum"))
                .addNode(NodeDef.newBuilder().setName("y").setOp("Atan2").addInput("r").addInput("x"))
                .build();
        Path pb = dir.resolve("odd.pb");
        Files.write(pb, def.toByteArray());
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> ConvertGraph.run(options(pb, out, null, false)))
                .isInstanceOf(ConvertException.class)
                .hasMessageContaining("2 unsupported op type(s)")
                .hasMessageContaining("Atan2 (1 node): y")
                .hasMessageContaining("Cumsum (2 nodes): a/cum, b/cum");
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("odd.pb");
        }
    }

    @Test
    void aRefusedPatternNamesTheNodeAndTheReason() throws Exception {
        Path pb = dir.resolve("train.pb");
        try (Graph g = new Graph()) {
            var tf = dev.ember.tfcompat.op.Ops.create(g);
            var x = tf.withName("x").placeholder(TFloat32.class,
                    dev.ember.tfcompat.op.core.Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, 4, 4, 2)));
            var c = tf.constant(new float[] {1, 1});
            tf.withName("bn").nn.fusedBatchNorm(x, c, c, c, c,
                    dev.ember.tfcompat.op.nn.FusedBatchNorm.isTraining(true));
            Files.write(pb, g.toGraphDef().toByteArray());
        }
        assertThatThrownBy(() -> ConvertGraph.run(options(pb, dir.resolve("out"), List.of("bn"), false)))
                .isInstanceOf(ConvertException.class)
                .hasMessageContaining("bn (FusedBatchNormV3): is_training=true");
    }

    @Test
    void aNonEmptyOutIsRefusedWithoutForceAndLeftAlone() throws Exception {
        Path pb = frozenCnn();
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> ConvertGraph.run(options(pb, out, null, false)))
                .hasMessageContaining("--out " + out + " is not empty; use --force");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
        ConvertGraph.run(options(pb, out, null, true));
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("Net.safetensors")).exists();
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        Path pb = frozenCnn();
        assertThatThrownBy(() -> ConvertGraph.run(new ConvertGraph.Options(pb, dir.resolve("o"), "my-net", "", null, null,
                false))).hasMessage("--class 'my-net' is not a Java class name");
        assertThatThrownBy(() -> ConvertGraph.run(new ConvertGraph.Options(pb, dir.resolve("o"), "Net", "a..b", null, null,
                false))).hasMessage("--package 'a..b' is not a Java package name");
        assertThatThrownBy(() -> ConvertGraph.run(options(pb, dir.resolve("o"), List.of("nope"), false)))
                .hasMessageContaining("--outputs names 'nope' but " + pb + " has no node 'nope'");
        assertThatThrownBy(() -> ConvertGraph.run(options(dir.resolve("missing.pb"), dir.resolve("o"), null, false)))
                .hasMessageContaining("input " + dir.resolve("missing.pb") + " does not exist");
        Files.writeString(dir.resolve("junk.pb"), "not a graph");
        assertThatThrownBy(() -> ConvertGraph.run(options(dir.resolve("junk.pb"), dir.resolve("o"), null, false)))
                .hasMessageContaining("is not a GraphDef protocol buffer");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Tensor> runTfcompat(byte[] graphDef, Tensor x, String... fetches) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(graphDef);
            Session.Runner runner = s.runner().feed("x", TypeInfo.of(TFloat32.class).fromEngine(x));
            for (String f : fetches) {
                runner.fetch(f);
            }
            try (var result = runner.run()) {
                Map<String, Tensor> out = new TreeMap<>();
                for (int i = 0; i < fetches.length; i++) {
                    out.put(fetches[i], TypeInfo.toEngine(result.get(i)));
                }
                return out;
            }
        }
    }

    static void assertClose(Tensor engine, Tensor reference) {
        assertThat(engine.shape()).containsExactly(reference.shape());
        float[] a = engine.contiguous().toFloatArray();
        float[] b = reference.contiguous().toFloatArray();
        for (int i = 0; i < a.length; i++) {
            assertThat((double) a[i]).as("element %d", i)
                    .isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-5 + 1e-5 * Math.abs(b[i])));
        }
    }

    /** Compiles every generated main source under {@code out} against the test classpath and loads {@code cls} with its weights. */
    static Module loadModule(Path out, String cls, Path weights) throws Exception {
        Path classes = Files.createDirectories(out.resolveSibling(out.getFileName() + "-classes"));
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out.resolve("src/main/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, null)) {
            boolean ok = javac.getTask(null, fm, diags, List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none", "-Xlint:all", "-Werror"), null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as("the generated module compiles without warnings: %s", diags.getDiagnostics()).isTrue();
        }
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ConvertGraphTest.class.getClassLoader());
        Class<?> c = Class.forName(cls, true, loader);
        return (Module) c.getMethod("load", Path.class).invoke(null, weights);
    }

    private static Map<String, byte[]> files(Path root) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
