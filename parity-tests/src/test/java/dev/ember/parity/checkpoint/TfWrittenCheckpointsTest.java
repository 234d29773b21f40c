package dev.ember.parity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.checkpoint.CheckpointEntry;
import dev.ember.tfcompat.checkpoint.CheckpointImporter;
import dev.ember.tfcompat.checkpoint.ImportResult;
import dev.ember.tfcompat.checkpoint.NameRules;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import dev.ember.tfcompat.checkpoint.TfDataType;
import dev.ember.tfcompat.checkpoint.Transform;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * Checkpoints written by the real TF runtime (TF-Java 1.1.0) read back by the pure-Java
 * {@link TfCheckpoint}: every entry's dtype, shape and bytes compared with what TF's own RestoreV2
 * returns, and every widened value (float16/bfloat16/int8...) compared with TF's Cast of it.
 */
class TfWrittenCheckpointsTest {

    private static final String VV = "/.ATTRIBUTES/VARIABLE_VALUE";

    @TempDir
    Path dir;

    /** Every entry of {@code prefix} as TfCheckpoint reads it equals what RestoreV2 returns. */
    static void assertIdenticalToTfRestore(Path prefix) {
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            List<CheckpointEntry> entries = ckpt.entries();
            List<String> names = entries.stream().map(CheckpointEntry::name).collect(Collectors.toList());
            List<DataType> dtypes = entries.stream().map(e -> DataType.forNumber(e.dtypeNumber()))
                    .collect(Collectors.toList());
            List<TfRestore.Restored> tf = TfRestore.restore(prefix, names, dtypes);
            List<DataType> engineTypes = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                CheckpointEntry e = entries.get(i);
                TfRestore.Restored r = tf.get(i);
                assertThat(e.shape()).as(e.name()).containsExactly(r.shape());
                if (e.dtype() == TfDataType.STRING) {
                    List<byte[]> ours = ckpt.readStrings(e.name());
                    assertThat(ours).as(e.name()).hasSameSizeAs(r.strings());
                    for (int k = 0; k < ours.size(); k++) {
                        assertThat(ours.get(k)).as(e.name() + "[" + k + "]").containsExactly(r.strings().get(k));
                    }
                    engineTypes.add(DataType.DT_STRING);
                } else {
                    assertThat(bytes(ckpt.readBytes(e.name()))).as(e.name()).containsExactly(r.bytes());
                    engineTypes.add(DataType.forNumber(TfDataType.of(e.dtype().engineType()).number()));
                }
            }
            // widened values: ours against TF's own Cast to the engine dtype
            List<Integer> numeric = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).dtype() != TfDataType.STRING) {
                    numeric.add(i);
                }
            }
            List<TfRestore.Restored> cast = TfRestore.restoreCast(prefix,
                    numeric.stream().map(names::get).collect(Collectors.toList()),
                    numeric.stream().map(dtypes::get).collect(Collectors.toList()),
                    numeric.stream().map(engineTypes::get).collect(Collectors.toList()));
            for (int k = 0; k < numeric.size(); k++) {
                CheckpointEntry e = entries.get(numeric.get(k));
                Tensor ours = ckpt.read(e.name());
                assertThat(ours.dtype()).isEqualTo(e.dtype().engineType());
                assertThat(bytes(ours.toBytes())).as(e.name() + " as " + ours.dtype()).containsExactly(cast.get(k).bytes());
            }
        }
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void sessionSaveOfVariables() throws Exception {
        Path prefix = Files.createDirectories(dir.resolve("run")).resolve("model.ckpt");
        float[][] kernel = {{1.5f, -2f}, {0.25f, 3e-8f}, {Float.MAX_VALUE, -0f}};
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Ops dense = tf.withSubScope("dense");  // one sub-scope: a second withSubScope("dense") would be dense_1
            dense.withName("kernel").variable(tf.constant(kernel));
            dense.withName("bias").variable(tf.constant(new float[] {0.5f, -0.5f}));
            tf.withSubScope("conv").withName("kernel").variable(tf.constant(Shape.of(3, 3, 2, 4),
                    DataBuffers.of(Values.floats(72))));
            tf.withName("global_step").variable(tf.constant(42L));
            tf.withName("scale").variable(tf.constant(new double[] {Math.PI, -1e300}));
            tf.withName("counts").variable(tf.constant(new int[] {Integer.MIN_VALUE, 0, 7, Integer.MAX_VALUE}));
            tf.withName("mask").variable(tf.constant(new boolean[] {true, false, true}));
            s.initialize();
            s.save(prefix.toString());
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.names()).containsExactly("conv/kernel", "counts", "dense/bias", "dense/kernel",
                    "global_step", "mask", "scale");
            assertThat(ckpt.read("dense/kernel").toFloatArray())
                    .containsExactly(1.5f, -2f, 0.25f, 3e-8f, Float.MAX_VALUE, -0f);
            assertThat(ckpt.read("global_step").dtype()).isEqualTo(DType.INT64);
            assertThat(ckpt.read("global_step").shape()).isEmpty();
            assertThat(ckpt.read("mask").dtype()).isEqualTo(DType.BOOL);
            assertThat(ckpt.read("counts").toLongArray()).containsExactly(Integer.MIN_VALUE, 0, 7, Integer.MAX_VALUE);
        }
        assertIdenticalToTfRestore(prefix);
        // the directory entry point: Session.save writes no 'checkpoint' state file; Python's saver would
        Files.writeString(prefix.resolveSibling("checkpoint"), "model_checkpoint_path: \"model.ckpt\"\n"
                + "all_model_checkpoint_paths: \"model.ckpt\"\n");
        try (TfCheckpoint c = TfCheckpoint.open(prefix.getParent())) {
            assertThat(c.prefix()).isEqualTo(prefix.toAbsolutePath());
        }
        ImportResult r = CheckpointImporter.with(NameRules.tfJava()).importFrom(prefix);
        assertThat(r.stateDict().keySet()).containsExactly("conv.kernel", "counts", "dense.bias", "dense.kernel",
                "mask", "scale");
        assertThat(r.skipped()).extracting(ImportResult.Skip::tfName).containsExactly("global_step");
    }

    @Test
    void savedModelExportedByTfJava() throws Exception {
        Path export = dir.resolve("saved");
        float[][] input = {{1f, 2f}, {-3f, 0.5f}};
        float[][] tfOut;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            Ops dense = tf.withSubScope("dense");
            var kernel = dense.withName("kernel").variable(tf.constant(Shape.of(2, 3), DataBuffers.of(Values.floats(6))));
            var bias = dense.withName("bias").variable(tf.constant(Values.floats(3)));
            var y = tf.math.add(tf.linalg.matMul(x, kernel), bias);
            s.initialize();
            SavedModelBundle.exporter(export.toString()).withSession(s)
                    .withSignature(Signature.builder().input("x", x).output("y", y).build()).export();
            try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(input));
                 var r = s.runner().feed(x, in).fetch(y).run()) {
                tfOut = StdArrays.array2dCopyOf((TFloat32) r.get(0));
            }
        }
        Path prefix;
        try (TfCheckpoint ckpt = TfCheckpoint.open(export)) {
            prefix = ckpt.prefix();
            assertThat(prefix.toString()).endsWith("saved/variables/variables");
            assertThat(ckpt.names()).containsExactly("dense/bias", "dense/kernel");
        }
        assertIdenticalToTfRestore(prefix);
        // the imported Linear weight computes what TF's Dense (MatMul + bias) computed
        ImportResult r = CheckpointImporter.with(NameRules.tf1()).importFrom(export);
        Tensor w = r.stateDict().get("dense.weight");
        assertThat(w.shape()).containsExactly(3, 2);
        Tensor out = Tensor.of(input).matmul(w.permute(1, 0)).add(r.stateDict().get("dense.bias"));
        assertThat(out.allClose(Tensor.of(tfOut), 1e-6, 1e-6)).isTrue();
    }

    @Test
    void rawSaveV2WithKerasKeysAndEveryDtype() {
        Path prefix = dir.resolve("ckpt-1");
        TrackableObjectGraph graph = TrackableObjectGraph.newBuilder()
                .addNodes(TrackableObject.newBuilder()
                        .addChildren(child(1, "layer_with_weights-0")).addChildren(child(2, "layer_with_weights-1"))
                        .addChildren(child(3, "save_counter")))
                .addNodes(TrackableObject.newBuilder().addAttributes(attr("conv2d/kernel", "layer_with_weights-0/kernel" + VV)))
                .addNodes(TrackableObject.newBuilder().addAttributes(attr("conv2d_transpose/kernel",
                        "layer_with_weights-1/kernel" + VV)))
                .addNodes(TrackableObject.newBuilder().addAttributes(attr("save_counter", "save_counter" + VV)))
                .build();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            float[] specials = {1f, -2.5f, 65504f, 1e-7f, Float.POSITIVE_INFINITY, Float.NaN, -0f, 3.14159f};
            Operand<TFloat32> f = tf.constant(specials);
            List<String> keys = new ArrayList<>();
            List<Operand<?>> values = new ArrayList<>();
            keys.add("layer_with_weights-0/kernel" + VV);
            values.add(tf.constant(Shape.of(3, 3, 1, 2), DataBuffers.of(Values.floats(18))));
            keys.add("layer_with_weights-0/bias" + VV);
            values.add(tf.constant(new float[] {0.1f, 0.2f}));
            keys.add("layer_with_weights-1/kernel" + VV);
            values.add(tf.constant(Shape.of(2, 2, 3, 1), DataBuffers.of(Values.floats(12))));
            keys.add("layer_with_weights-0/kernel/.OPTIMIZER_SLOT/optimizer/m" + VV);
            values.add(tf.constant(Shape.of(3, 3, 1, 2), DataBuffers.of(new float[18])));
            keys.add("save_counter" + VV);
            values.add(tf.constant(1L));
            keys.add("_CHECKPOINTABLE_OBJECT_GRAPH");
            values.add(tf.constantOf(TString.tensorOfBytes(NdArrays.scalarOfObject(graph.toByteArray()))));
            keys.add("bf16");
            values.add(cast(g, tf, f, DataType.DT_FLOAT, DataType.DT_BFLOAT16, "bf16"));
            keys.add("half");
            values.add(cast(g, tf, f, DataType.DT_FLOAT, DataType.DT_HALF, "half"));
            Operand<?> ints = tf.constant(new int[] {-128, -1, 0, 1, 127, 255, 65535, -32768});
            keys.add("int8");
            values.add(cast(g, tf, ints, DataType.DT_INT32, DataType.DT_INT8, "int8"));
            keys.add("int16");
            values.add(cast(g, tf, ints, DataType.DT_INT32, DataType.DT_INT16, "int16"));
            keys.add("uint8");
            values.add(cast(g, tf, ints, DataType.DT_INT32, DataType.DT_UINT8, "uint8"));
            keys.add("uint16");
            values.add(cast(g, tf, ints, DataType.DT_INT32, DataType.DT_UINT16, "uint16"));
            keys.add("uint32");
            values.add(cast(g, tf, ints, DataType.DT_INT32, DataType.DT_UINT32, "uint32"));
            keys.add("bool");
            values.add(tf.constant(new boolean[][] {{true, false}, {false, true}}));
            keys.add("int32");
            values.add(tf.constant(new int[] {3, -4}));
            keys.add("float64");
            values.add(tf.constant(new double[] {Double.MIN_VALUE, -Double.MAX_VALUE}));
            keys.add("empty");
            values.add(tf.zeros(tf.constant(new long[] {0, 5}), TFloat32.class));
            keys.add("strings");
            values.add(tf.constant(StandardCharsets.UTF_8, new String[] {"", "a", "héllo", "x".repeat(200)}));
            keys.add("no_strings");
            values.add(tf.constantOf(TString.tensorOf(Shape.of(0), DataBuffers.ofObjects(new String[0]))));
            String[] slices = new String[keys.size()];
            Arrays.fill(slices, "");
            var save = tf.train.save(tf.constant(prefix.toString()), tf.constant(StandardCharsets.UTF_8,
                    keys.toArray(new String[0])), tf.constant(StandardCharsets.UTF_8, slices), values);
            s.run(save);
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.entry("bf16").dtype()).isEqualTo(TfDataType.BFLOAT16);
            assertThat(ckpt.entry("half").description()).isEqualTo("float16 [8], read as float32");
            assertThat(ckpt.entry("int8").dtype()).isEqualTo(TfDataType.INT8);
            assertThat(ckpt.entry("empty").shape()).containsExactly(0, 5);
            assertThat(ckpt.read("empty").shape()).containsExactly(0, 5);
            assertThat(ckpt.read("int8").toLongArray()).containsExactly(-128, -1, 0, 1, 127, -1, -1, 0);
            assertThat(ckpt.read("half").toFloatArray()).startsWith(1f, -2.5f, 65504f);
            assertThat(new String(ckpt.readStrings("strings").get(2), StandardCharsets.UTF_8)).isEqualTo("héllo");
            assertThat(ckpt.objectGraph().orElseThrow().fullNamesByKey())
                    .containsEntry("layer_with_weights-1/kernel" + VV, "conv2d_transpose/kernel");
        }
        assertIdenticalToTfRestore(prefix);

        ImportResult r = CheckpointImporter.with(NameRules.keras()).importFrom(prefix);
        assertThat(r.rows()).extracting(ImportResult.Row::engineName, ImportResult.Row::transform).containsExactly(
                org.assertj.core.groups.Tuple.tuple("layer_with_weights-0.bias", Transform.NONE),
                org.assertj.core.groups.Tuple.tuple("layer_with_weights-0.weight", Transform.CONV2D),
                org.assertj.core.groups.Tuple.tuple("layer_with_weights-1.weight", Transform.CONV2D_TRANSPOSE));
        assertThat(r.skipped()).extracting(ImportResult.Skip::tfName).containsExactly("_CHECKPOINTABLE_OBJECT_GRAPH",
                "layer_with_weights-0/kernel/.OPTIMIZER_SLOT/optimizer/m" + VV, "save_counter" + VV);
        assertThat(r.stateDict().get("layer_with_weights-1.weight").shape()).containsExactly(1, 3, 2, 2);
    }

    @Test
    void twoShardsMergedByMergeV2Checkpoints() {
        Path merged = dir.resolve("merged");
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            for (int shard = 0; shard < 2; shard++) {
                List<Operand<?>> values = new ArrayList<>();
                String[] keys = new String[3];
                for (int k = 0; k < 3; k++) {
                    keys[k] = "shard" + shard + "/v" + k;
                    values.add(tf.constant(Shape.of(2, k + 1), DataBuffers.of(Values.floats(2 * (k + 1)))));
                }
                String[] slices = {"", "", ""};
                s.run(tf.train.save(tf.constant(dir.resolve("part-" + shard).toString()),
                        tf.constant(StandardCharsets.UTF_8, keys), tf.constant(StandardCharsets.UTF_8, slices), values));
            }
            s.run(tf.train.mergeV2Checkpoints(tf.constant(StandardCharsets.UTF_8, new String[] {
                    dir.resolve("part-0").toString(), dir.resolve("part-1").toString()}), tf.constant(merged.toString())));
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(merged)) {
            assertThat(ckpt.header().numShards()).isEqualTo(2);
            assertThat(ckpt.entries()).extracting(CheckpointEntry::shardId).containsExactly(0, 0, 0, 1, 1, 1);
            assertThat(Files.exists(ckpt.shardFile(1))).isTrue();
            assertThat(ckpt.shardFile(1).getFileName().toString()).isEqualTo("merged.data-00001-of-00002");
        }
        assertIdenticalToTfRestore(merged);
    }

    @Test
    void thousandsOfKeysSpanningSeveralIndexBlocks() throws Exception {
        Path prefix = dir.resolve("many");
        int n = 4000;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            String[] keys = new String[n];
            String[] slices = new String[n];
            List<Operand<?>> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys[i] = String.format("model/layer_with_weights-%04d/sub_block_%d/kernel/.ATTRIBUTES/VARIABLE_VALUE",
                        i, i % 7);
                slices[i] = "";
                values.add(tf.constant(new float[] {i, -i, i / 3f}));
            }
            s.run(tf.train.save(tf.constant(prefix.toString()), tf.constant(StandardCharsets.UTF_8, keys),
                    tf.constant(StandardCharsets.UTF_8, slices), values));
        }
        assertThat(Files.size(dir.resolve("many.index"))).isGreaterThan(256 * 1024);
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            assertThat(ckpt.entries()).hasSize(n);
            assertThat(ckpt.indexDataBlocks()).isGreaterThanOrEqualTo(2);
        }
        assertIdenticalToTfRestore(prefix);
    }

    private static TrackableObject.ObjectReference child(int id, String name) {
        return TrackableObject.ObjectReference.newBuilder().setNodeId(id).setLocalName(name).build();
    }

    private static TrackableObject.SerializedTensor attr(String fullName, String key) {
        return TrackableObject.SerializedTensor.newBuilder().setName("VARIABLE_VALUE").setFullName(fullName)
                .setCheckpointKey(key).build();
    }

    /** TF's Cast from {@code src} to {@code dst} (TF-Java 1.1.0 has no Java class for some dtypes, so by op builder). */
    private static Operand<?> cast(Graph g, Ops tf, Operand<?> x, DataType src, DataType dst, String name) {
        return g.opBuilder("Cast", "cast_" + name, tf.scope()).addInput(x.asOutput())
                .setAttr("SrcT", src).setAttr("DstT", dst).build().output(0);
    }
}
