package dev.ember.tfcompat;

import static dev.ember.tfcompat.testing.Protos.arg;
import static dev.ember.tfcompat.testing.Protos.function;
import static dev.ember.tfcompat.testing.Protos.node;
import static dev.ember.tfcompat.testing.Protos.placeholder;
import static dev.ember.tfcompat.testing.Protos.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TFloat32;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/** SavedModel export and load on the engine, and every bad-input case with its message. */
class SavedModelBundleTest {

    /** y = x w + b with w, b variables set away from their initial values, exported with tags {@code tags}. */
    private static void export(Path dir, String... tags) throws IOException {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var x = tf.withName("x").placeholder(TFloat32.class);
            var w = tf.withName("w").variable(tf.constant(new float[][] {{0, 0}, {0, 0}}));
            var b = tf.withName("b").variable(tf.constant(new float[] {0, 0}));
            var y = tf.withName("y").math.add(tf.linalg.matMul(x, w), b);
            s.initialize();
            s.runner().addTarget(tf.assign(w, tf.constant(new float[][] {{1, 2}, {3, 4}})))
                    .addTarget(tf.assign(b, tf.constant(new float[] {10, 20}))).run().close();
            Signature sig = Signature.builder().input("x", x).output("y", y).methodName("tensorflow/serving/predict").build();
            SavedModelBundle.exporter(dir.toString()).withTags(tags).withSession(s).withSignature(sig).export();
        }
    }

    private static float[][] predict(SavedModelBundle b) {
        try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{1, 1}})); Result r = b.call(Map.of("x", x))) {
            return StdArrays.array2dCopyOf((TFloat32) r.get("y").get());
        }
    }

    @Test
    void exportThenLoadRestoresTheVariablesAndCallsTheSignature(@TempDir Path dir) throws IOException {
        export(dir.resolve("m"), "serve");
        assertThat(dir.resolve("m/variables/variables.index")).exists();
        try (SavedModelBundle b = SavedModelBundle.load(dir.resolve("m").toString())) {
            assertThat(predict(b)).isEqualTo(new float[][] {{14, 26}});
            b.session().initialize();  // the initializers count as run: restored values stay
            assertThat(predict(b)).isEqualTo(new float[][] {{14, 26}});
            assertThat(b.signatures()).hasSize(1);
            Signature sig = b.signatures().get(0);
            assertThat(sig.key()).isEqualTo("serving_default");
            assertThat(sig.methodName()).isEqualTo("tensorflow/serving/predict");
            assertThat(sig.toString()).contains("\"x\": dtype=DT_FLOAT").contains("Outputs:");
            assertThat(b.metaGraphDef().getSaverDef().getRestoreOpName()).isEqualTo("save/restore_all");
            try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{0, 1}}))) {
                TFloat32 y = (TFloat32) b.function("serving_default").call(x);
                assertThat(y.getFloat(0, 1)).isEqualTo(24f);
            }
            assertThatThrownBy(() -> b.function("nope")).hasMessageContaining("Function with signature [nope] not found")
                    .hasMessageContaining("serving_default");
            assertThatThrownBy(() -> b.function("serving_default").call(Map.of("z", TFloat32.scalarOf(1))))
                    .hasMessageContaining("No argument found for parameter \"x\"");
        }
        try (SavedModelBundle b = SavedModelBundle.loader(dir.resolve("m").toString()).withTags("serve").load()) {
            assertThat(predict(b)).isEqualTo(new float[][] {{14, 26}});
        }
    }

    @Test
    void missingDirectoryFileOrProtoAreNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("nothing").toString(), "serve"))
                .isInstanceOf(TFNotFoundException.class).hasMessageContaining("SavedModel directory")
                .hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("file").toString(), "serve"))
                .hasMessageContaining("is a file, not a SavedModel directory");
        Files.createDirectories(dir.resolve("empty/variables"));
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("empty").toString(), "serve"))
                .isInstanceOf(TFNotFoundException.class)
                .hasMessageContaining("Could not find SavedModel .pb or .pbtxt at supplied export directory path")
                .hasMessageContaining("it holds: variables/");
        Files.createDirectories(dir.resolve("garbage"));
        Files.write(dir.resolve("garbage/saved_model.pb"), new byte[] {(byte) 0xff, 0x13, 0x37, 0x00, 0x42});
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("garbage").toString(), "serve"))
                .isInstanceOf(TFInvalidArgumentException.class)
                .hasMessageContaining("is not a serialized SavedModel protocol buffer");
    }

    @Test
    void wrongTagsListTheAvailableTagSets(@TempDir Path dir) throws IOException {
        export(dir.resolve("m"), "train", "gpu");
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("m").toString(), "serve"))
                .isInstanceOf(TFNotFoundException.class)
                .hasMessageContaining("Could not find meta graph def matching supplied tags: { serve }")
                .hasMessageContaining("available tag sets: { train, gpu }");
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("m").toString(), "train"))
                .hasMessageContaining("{ train }");
        try (SavedModelBundle b = SavedModelBundle.load(dir.resolve("m").toString(), "gpu", "train")) {
            assertThat(predict(b)).isEqualTo(new float[][] {{14, 26}});
        }
        assertThatThrownBy(() -> SavedModelBundle.loader("x").withTags((String) null)).hasMessageContaining("Invalid tags");
    }

    @Test
    void missingVariablesFilesAreNamed(@TempDir Path dir) throws IOException {
        export(dir.resolve("m"), "serve");
        Files.delete(dir.resolve("m/variables/variables.data-00000-of-00001"));
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("m").toString(), "serve"))
                .isInstanceOf(TFNotFoundException.class).hasMessageContaining("variables.data-00000-of-00001")
                .hasMessageContaining("missing");
        Files.delete(dir.resolve("m/variables/variables.index"));
        assertThatThrownBy(() -> SavedModelBundle.load(dir.resolve("m").toString(), "serve"))
                .isInstanceOf(TFNotFoundException.class).hasMessageContaining("has 2 variable(s) (").hasMessageContaining("w")
                .hasMessageContaining("no variables file");
    }

    @Test
    void unsupportedOpsOfGraphAndFunctionsAreListedAtOnce(@TempDir Path dir) throws IOException {
        GraphDef graph = GraphDef.newBuilder().addNode(placeholder("x", DataType.DT_FLOAT))
                .addNode(node("enc", "EncodeWav", "x"))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(
                        function(signature("f").addInputArg(arg("a", DataType.DT_FLOAT)))
                                .addNodeDef(node("wav", "DecodeWav", "a")).build())).build();
        write(dir, MetaGraphDef.newBuilder().setGraphDef(graph)
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve")).build());
        assertThatThrownBy(() -> SavedModelBundle.load(dir.toString(), "serve"))
                .isInstanceOf(TFUnimplementedException.class).hasMessageContaining("SavedModel " + dir)
                .hasMessageContaining("DecodeWav (1 node: wav in function f)").hasMessageContaining("EncodeWav (1 node: enc)");
    }

    @Test
    void aTextSavedModelWithoutVariablesLoads(@TempDir Path dir) throws IOException {
        GraphDef graph = GraphDef.newBuilder().addNode(placeholder("x", DataType.DT_FLOAT))
                .addNode(node("y", "Add", "x", "x").putAttr("T", dev.ember.tfcompat.testing.Protos.type(DataType.DT_FLOAT)))
                .build();
        MetaGraphDef meta = MetaGraphDef.newBuilder().setGraphDef(graph)
                .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve"))
                .putSignatureDef("double", org.tensorflow.proto.SignatureDef.newBuilder()
                        .putInputs("x", org.tensorflow.proto.TensorInfo.newBuilder().setName("x:0").setDtype(DataType.DT_FLOAT)
                                .build())
                        .putOutputs("y", org.tensorflow.proto.TensorInfo.newBuilder().setName("y:0").setDtype(DataType.DT_FLOAT)
                                .build()).build()).build();
        Files.writeString(dir.resolve("saved_model.pbtxt"), SavedModel.newBuilder().addMetaGraphs(meta).build().toString());
        try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), "serve");
             Result r = b.call(Map.of("x", TFloat32.vectorOf(1, 2)))) {
            assertThat(((TFloat32) r.get("y").get()).getFloat(1)).isEqualTo(4f);
            assertThat(b.signatures().get(0).getInputs().get("x").shape).isEqualTo(Shape.of());
        }
    }

    private static void write(Path dir, MetaGraphDef meta) throws IOException {
        Files.write(dir.resolve("saved_model.pb"), SavedModel.newBuilder().addMetaGraphs(meta).build().toByteArray());
    }
}
