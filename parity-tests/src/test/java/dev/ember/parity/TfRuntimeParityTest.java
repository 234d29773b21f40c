package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Parity cases against the real TF runtime: forward and gradients, with and without layout changes. */
class TfRuntimeParityTest {
    private static TfGraphSide matmulRelu;
    private static TfGraphSide conv;
    private static TfGraphSide channelSoftmax;
    private static TfGraphSide transpose;

    @BeforeAll
    static void buildGraphs() {
        matmulRelu = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 4, 3);
            var w = b.placeholder("w", TFloat32.class, 3, 5);
            var bias = b.placeholder("b", TFloat32.class, 5);
            var y = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w), bias));
            var loss = tf.reduceSum(tf.math.square(y), tf.constant(new int[] {0, 1}));
            b.output("y", y).output("loss", loss).gradients("loss", loss, "x", "w", "b");
        });
        conv = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 2, 6, 6, 3);    // NHWC
            var k = b.placeholder("k", TFloat32.class, 3, 3, 3, 5);    // HWIO
            var y = tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "VALID");
            var loss = tf.reduceSum(tf.math.mul(y, y), tf.constant(new int[] {0, 1, 2, 3}));
            b.output("y", y).output("loss", loss).gradients("loss", loss, "x", "k");
        });
        channelSoftmax = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 2, 3, 4, 5);    // NHWC, softmax over C
            var s = b.placeholder("s", TFloat32.class, 5);
            b.output("y", tf.math.mul(tf.nn.softmax(x), s));
        });
        transpose = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 2, 3, 4, 5);
            b.output("nchw", tf.linalg.transpose(x, tf.constant(new int[] {0, 3, 1, 2})));
        });
    }

    @AfterAll
    static void close() {
        for (TfGraphSide s : new TfGraphSide[] {matmulRelu, conv, channelSoftmax, transpose}) {
            s.close();
        }
    }

    static Map<String, Tensor> map(Object... kv) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Tensor) kv[i + 1]);
        }
        return m;
    }

    static EngineSide matmulReluEngine() {
        return EngineSide.of(in -> {
            Tensor y = in.get("x").matmul(in.get("w")).add(in.get("b")).relu();
            return map("y", y, "loss", y.square().sum());
        });
    }

    static Parity.Builder matmulReluCase() {
        return Parity.named("matmul_relu").seed(11)
                .input("x", Input.float32(4, 3).normal(0, 1))
                .input("w", Input.float32(3, 5))
                .input("b", Input.float32(5).uniform(-0.5, 0.5))
                .gradients("loss", "x", "w", "b")
                .tf(matmulRelu);
    }

    @Test
    void matmulReluOutputsAndGradientsMatchTf() {
        ParityResult r = matmulReluCase().engine(matmulReluEngine()).run();
        assertThatParity(r).passes();
        assertThat(r.comparisons()).extracting(TensorComparison::name)
                .containsExactly("y", "loss", "dloss/dx", "dloss/dw", "dloss/db");
        assertThat(r.tensor("dloss/dw").get().kind()).isEqualTo(TensorComparison.Kind.GRADIENT);
        assertThat(r.tensor("dloss/dw").get().engineShape()).containsExactly(3, 5);
        // The relu leaves some zeros and some positive values: the comparison is not vacuous.
        assertThat(r.tensor("y").get().numel()).isEqualTo(20);
        assertThatParity(r).tensor("y").hasMaxAbsErrorBelow(1e-5);
        assertThat(r.localisation()).isEmpty();
    }

    @Test
    void aMissingBiasOnTheEngineSideFailsOutputsAndGradients() {
        ParityResult r = matmulReluCase().engine(EngineSide.of(in -> {
            Tensor y = in.get("x").matmul(in.get("w")).add(in.get("b").mul(0.0)).relu();
            return map("y", y, "loss", y.square().sum());
        })).run();
        assertThatParity(r).fails();
        assertThatParity(r).tensor("y").fails().hasStatus(TensorComparison.Status.VALUES);
        assertThatParity(r).tensor("dloss/db").fails();
    }

    @Test
    void nhwcConvMatchesEngineNchwConvWithGradients() {
        ParityResult r = Parity.named("conv3x3").seed(3)
                .input("x", Input.float32(2, 6, 6, 3).normal(0, 1).layout(Layout.NHWC_NCHW))
                .input("k", Input.float32(3, 3, 3, 5).uniform(-0.3, 0.3).layout(Layout.HWIO_OIHW))
                .layout("y", Layout.NHWC_NCHW)
                .gradients("loss", "x", "k")
                .tf(conv)
                .engine(EngineSide.of(in -> {
                    Tensor x = in.get("x");
                    Tensor k = in.get("k");
                    assertThat(x.shape()).containsExactly(2, 3, 6, 6);
                    assertThat(k.shape()).containsExactly(5, 3, 3, 3);
                    Tensor y = EngineConv.conv2dValid(x, k);
                    return map("y", y, "loss", y.mul(y).sum());
                }))
                .run();
        assertThatParity(r).passes();
        TensorComparison y = r.tensor("y").get();
        assertThat(y.tfShape()).containsExactly(2, 4, 4, 5);
        assertThat(y.engineShape()).containsExactly(2, 5, 4, 4);
        assertThat(y.layout()).isEqualTo(Layout.NHWC_NCHW);
        // Gradients inherit the layout of what they are taken with respect to.
        assertThat(r.tensor("dloss/dx").get().layout()).isEqualTo(Layout.NHWC_NCHW);
        assertThat(r.tensor("dloss/dk").get().layout()).isEqualTo(Layout.HWIO_OIHW);
        assertThat(r.tensor("dloss/dk").get().engineShape()).containsExactly(5, 3, 3, 3);
    }

    private static Parity.Builder channelSoftmaxCase(EngineSide engine) {
        return Parity.named("channel_softmax").seed(5)
                .input("x", Input.float32(2, 3, 4, 5).normal(0, 2).layout(Layout.NHWC_NCHW))
                .input("s", Input.float32(5).uniform(0.5, 2))
                .tf(channelSoftmax)
                .engine(engine);
    }

    private static final EngineSide CHANNEL_SOFTMAX_NCHW =
            EngineSide.of(in -> map("y", in.get("x").softmax(1).mul(in.get("s").reshape(5, 1, 1))));

    @Test
    void perChannelSoftmaxNhwcMatchesEngineNchw() {
        ParityResult r = channelSoftmaxCase(CHANNEL_SOFTMAX_NCHW).layout("y", Layout.NHWC_NCHW).run();
        assertThatParity(r).passes();
    }

    @Test
    void forgettingTheOutputLayoutIsAShapeMismatchNotABroadcast() {
        ParityResult r = channelSoftmaxCase(CHANNEL_SOFTMAX_NCHW).run();
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.SHAPE);
        assertThat(r.tensor("y").get().detail()).contains("[2, 3, 4, 5]", "[2, 5, 3, 4]", "not broadcast");
    }

    @Test
    void engineSoftmaxOverTheWrongAxisIsCaught() {
        ParityResult r = channelSoftmaxCase(
                EngineSide.of(in -> map("y", in.get("x").softmax(3).mul(in.get("s").reshape(5, 1, 1)))))
                .layout("y", Layout.NHWC_NCHW).run();
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.VALUES);
    }

    @Test
    void enginePermuteMatchesTfTransposeWithNoLayoutConversion() {
        ParityResult r = Parity.named("transpose").seed(9)
                .input("x", Input.float32(2, 3, 4, 5))
                .tf(transpose)
                .engine(EngineSide.of(in -> map("nchw", in.get("x").permute(0, 3, 1, 2))))
                .run();
        assertThatParity(r).passes();
        assertThat(r.tensor("nchw").get().engineShape()).containsExactly(2, 5, 3, 4);
        // Exact: a transpose moves values without arithmetic.
        assertThat(r.tensor("nchw").get().maxAbsError()).isZero();
    }

    @Test
    void savedModelSignatureWithGradients(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("model");
        Signature sig;
        try (TfGraphSide g = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 4, 3);
            var w = tf.constant(new float[][] {{0.5f, -1f}, {2f, 0.25f}, {-0.75f, 1.5f}});
            var y = tf.math.tanh(tf.linalg.matMul(x, w));
            var loss = tf.reduceSum(y, tf.constant(new int[] {0, 1}));
            b.output("y", y).output("loss", loss);
        })) {
            var graph = g.graph();
            sig = Signature.builder("serving_default")
                    .input("x", graph.output(placeholderName(graph)))
                    .output("y", graph.output(outputName(graph, "Tanh")))
                    .output("loss", graph.output(outputName(graph, "Sum")))
                    .build();
            SavedModelBundle.exporter(export.toString()).withFunction(SessionFunction.create(sig, g.session())).export();
        }
        Tensor w = Tensor.of(new float[][] {{0.5f, -1f}, {2f, 0.25f}, {-0.75f, 1.5f}});
        try (TfSavedModelSide tf = TfSavedModelSide.load(export, "serving_default").withGradients("loss", "x")) {
            ParityResult r = Parity.named("saved_model").seed(1)
                    .input("x", Input.float32(4, 3))
                    .gradients("loss", "x")
                    .tf(tf)
                    .engine(EngineSide.of(in -> {
                        Tensor y = in.get("x").matmul(w).tanh();
                        return map("y", y, "loss", y.sum());
                    }))
                    .run();
            assertThatParity(r).passes();
            assertThat(r.comparisons()).extracting(TensorComparison::name).containsExactlyInAnyOrder("y", "loss",
                    "dloss/dx");
            assertThatThrownBy(() -> TfSavedModelSide.load(export, "nope"))
                    .hasMessageContaining("no signature 'nope'").hasMessageContaining("serving_default");
        }
    }

    @Test
    void sideErrorsNameTheCase() {
        assertThatThrownBy(() -> Parity.named("unfed").input("x", Input.float32(4, 3)).input("typo", Input.float32(1))
                .tf(matmulRelu).engine(matmulReluEngine()).run())
                .hasMessageContaining("TF side of case 'unfed' failed")
                .hasMessageContaining("input 'typo' has no placeholder");
        assertThatThrownBy(() -> Parity.named("boom").input("x", Input.float32(4, 3))
                .tf(in -> Map.of())
                .engine(EngineSide.of(in -> Map.of("y", in.get("x").matmul(in.get("x")))))
                .run())
                .hasMessageContaining("engine side of case 'boom' failed");
    }

    private static String placeholderName(org.tensorflow.Graph g) {
        return opOfType(g, "Placeholder");
    }

    private static String outputName(org.tensorflow.Graph g, String type) {
        return opOfType(g, type);
    }

    private static String opOfType(org.tensorflow.Graph g, String type) {
        var it = g.operations();
        while (it.hasNext()) {
            var op = it.next();
            if (op.type().equals(type)) {
                return op.name();
            }
        }
        throw new AssertionError("no " + type + " op in the graph");
    }
}
