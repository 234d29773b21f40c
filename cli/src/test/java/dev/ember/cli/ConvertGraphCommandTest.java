package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** {@code ember convert-graph}: a written conversion, and every refusal naming its argument and value. */
class ConvertGraphCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        for (long d : dims) {
            b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return b.build();
    }

    /** x[?,2] -> relu(x @ W), W a [2,3] Const: a frozen dense layer without bias. */
    private Path denseGraph(String extraOp) throws Exception {
        TensorProto w = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape(2, 3))
                .addAllFloatVal(List.of(1f, -2f, 3f, -4f, 5f, -6f)).build();
        AttrValue f = AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
        GraphDef.Builder g = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder").putAttr("dtype", f)
                        .putAttr("shape", AttrValue.newBuilder().setShape(shape(-1, 2)).build()))
                .addNode(NodeDef.newBuilder().setName("fc/kernel").setOp("Const").putAttr("dtype", f)
                        .putAttr("value", AttrValue.newBuilder().setTensor(w).build()))
                .addNode(NodeDef.newBuilder().setName("fc/MatMul").setOp("MatMul").addInput("x").addInput("fc/kernel")
                        .putAttr("T", f))
                .addNode(NodeDef.newBuilder().setName("y").setOp("Relu").addInput("fc/MatMul").putAttr("T", f));
        if (extraOp != null) {
            g.addNode(NodeDef.newBuilder().setName("odd").setOp(extraOp).addInput("y").putAttr("T", f));
        }
        Path pb = dir.resolve(extraOp == null ? "dense.pb" : "odd.pb");
        Files.write(pb, g.build().toByteArray());
        return pb;
    }

    @Test
    void convertsAFrozenGraph() throws Exception {
        Path out = dir.resolve("gen");
        assertThat(run("convert-graph", denseGraph(null).toString(), "--out", out.toString(), "--class", "Dense",
                "--package", "com.acme")).as(err()).isZero();
        String src = Files.readString(out.resolve("src/main/java/com/acme/Dense.java"));
        assertThat(src).contains("public final Linear fc = registerModule(\"fc\", new Linear(2, 3, false));",
                "public Tensor forward(Tensor x) {", "return y;");
        assertThat(out.resolve("Dense.safetensors")).exists();
        assertThat(out.resolve("src/test/java/com/acme/DenseParityTest.java")).exists();
        assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("fc (Linear): `fc/MatMul`: kernel `fc/kernel`",
                "Wrote " + out.resolve("src/main/java/com/acme/Dense.java"));
    }

    @Test
    void usageErrorsNameTheArgument() throws Exception {
        assertThat(run("convert-graph", denseGraph(null).toString())).isEqualTo(2);
        assertThat(err()).contains("missing --out DIR", "usage: ember convert-graph");
        assertThat(run("convert-graph", "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(err()).contains("expected exactly one SAVED_MODEL_DIR or GRAPH.pb argument, got []");
        assertThat(run("convert-graph", "a.pb", "--out", "o", "--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus");
    }

    @Test
    void conversionErrorsNameTheArgumentAndItsValue() throws Exception {
        Path pb = denseGraph(null);
        Path o = dir.resolve("o");
        assertThat(run("convert-graph", dir.resolve("nope.pb").toString(), "--out", o.toString())).isEqualTo(1);
        assertThat(err()).contains("input " + dir.resolve("nope.pb") + " does not exist");
        assertThat(run("convert-graph", pb.toString(), "--out", o.toString(), "--class", "9Lives")).isEqualTo(1);
        assertThat(err()).contains("--class '9Lives' is not a Java class name");
        assertThat(run("convert-graph", pb.toString(), "--out", o.toString(), "--signature", "serve")).isEqualTo(1);
        assertThat(err()).contains("--signature serve is for a SavedModel directory");
        assertThat(o).doesNotExist();
        Files.createDirectories(o);
        Files.writeString(o.resolve("notes.txt"), "keep");
        assertThat(run("convert-graph", pb.toString(), "--out", o.toString())).isEqualTo(1);
        assertThat(err()).contains("--out " + o + " is not empty; use --force to replace its contents");
        assertThat(Files.readString(o.resolve("notes.txt"))).isEqualTo("keep");
        assertThat(run("convert-graph", pb.toString(), "--out", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("--out " + dir + " contains the input " + pb);
    }

    @Test
    void unsupportedOpsAreListedAndNothingIsWritten() throws Exception {
        Path o = dir.resolve("o");
        assertThat(run("convert-graph", denseGraph("Cumprod").toString(), "--out", o.toString())).isEqualTo(1);
        assertThat(err()).contains("1 unsupported op type(s):", "Cumprod (1 node): odd", "nothing was written to " + o);
        assertThat(o).doesNotExist();
    }
}
