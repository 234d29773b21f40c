package dev.ember.tfcompat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.TUint8;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** SaveV2 / RestoreV2 / MergeV2Checkpoints and the saver's string ops, with their error messages. */
class IoKernelsTest {
    private static GraphOperation save(Graph g, String name, Operand<?> prefix, String[] names, Operand<?>... tensors) {
        Ops tf = Ops.create(g);
        String[] slices = new String[names.length];
        java.util.Arrays.fill(slices, "");
        var b = g.opBuilder("SaveV2", name).addInput(prefix.asOutput())
                .addInput(tf.constantOf(TString.vectorOf(names)).asOutput())
                .addInput(tf.constantOf(TString.vectorOf(slices)).asOutput());
        DataType[] types = new DataType[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            b.addInput(tensors[i].asOutput());
            types[i] = tensors[i].asOutput().dataType();
        }
        return b.setAttr("dtypes", types).build();
    }

    private static GraphOperation restore(Graph g, String name, Operand<?> prefix, String[] names, String[] slices,
            DataType... types) {
        Ops tf = Ops.create(g);
        return g.opBuilder("RestoreV2", name).addInput(prefix.asOutput())
                .addInput(tf.constantOf(TString.vectorOf(names)).asOutput())
                .addInput(tf.constantOf(TString.vectorOf(slices)).asOutput()).setAttr("dtypes", types).build();
    }

    @Test
    void saveAndRestoreEveryDtypeWithTheSameValues(@TempDir Path dir) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var prefix = tf.withName("prefix").placeholder(TString.class);
            save(g, "save", prefix, new String[] {"f", "l", "b", "u", "s"}, tf.constant(new float[][] {{1.5f, -2}}),
                    tf.constant(new long[] {1L << 40, -3}), tf.constant(new boolean[] {true, false}),
                    tf.constantOf(TUint8.vectorOf((byte) 200, (byte) 7)), tf.constantOf(TString.vectorOf("é", "")));
            GraphOperation r = restore(g, "restore", prefix, new String[] {"u", "s", "b", "l", "f"},
                    new String[] {"", "", "", "", ""}, DataType.DT_UINT8, DataType.DT_STRING, DataType.DT_BOOL,
                    DataType.DT_INT64, DataType.DT_FLOAT);
            assertThat(g.operation("restore").outputListLength("tensors")).isEqualTo(5);
            String p = dir.resolve("new_dir/ckpt").toString();  // SaveV2 creates one directory level
            s.runner().feed("prefix", TString.scalarOf(p)).addTarget("save").run().close();
            try (TfCheckpoint c = TfCheckpoint.open(Path.of(p))) {
                assertThat(c.names()).containsExactly("b", "f", "l", "s", "u");
                assertThat(c.entry("u").dtype().tfName()).isEqualTo("uint8");
            }
            try (var res = s.runner().feed("prefix", TString.scalarOf(p)).fetch(r.output(0)).fetch(r.output(1))
                    .fetch(r.output(2)).fetch(r.output(3)).fetch(r.output(4)).run()) {
                assertThat(((TUint8) res.get(0)).getByte(0)).isEqualTo((byte) 200);
                assertThat(((TString) res.get(1)).getObject(0)).isEqualTo("é");
                assertThat(((TBool) res.get(2)).getBoolean(1)).isFalse();
                assertThat(((TInt64) res.get(3)).getLong(0)).isEqualTo(1L << 40);
                assertThat(((TFloat32) res.get(4)).getFloat(0, 1)).isEqualTo(-2f);
            }
        }
    }

    @Test
    void restoreErrorsNameTheKeyTheFileAndTheDtypes(@TempDir Path dir) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var prefix = tf.withName("prefix").placeholder(TString.class);
            save(g, "save", prefix, new String[] {"w"}, tf.constant(new float[] {1, 2}));
            restore(g, "missing", prefix, new String[] {"nope"}, new String[] {""}, DataType.DT_FLOAT);
            restore(g, "wrong", prefix, new String[] {"w"}, new String[] {""}, DataType.DT_INT32);
            restore(g, "sliced", prefix, new String[] {"w"}, new String[] {"2 0,1"}, DataType.DT_FLOAT);
            String p = dir.resolve("ckpt").toString();
            s.runner().feed("prefix", TString.scalarOf(p)).addTarget("save").run().close();
            assertThatThrownBy(() -> s.runner().feed("prefix", TString.scalarOf(p)).fetch("missing").run())
                    .isInstanceOf(TFNotFoundException.class).hasMessageContaining("Key nope not found in checkpoint");
            assertThatThrownBy(() -> s.runner().feed("prefix", TString.scalarOf(p)).fetch("wrong").run())
                    .hasMessageContaining("node 'wrong'")
                    .hasMessageContaining("tensor_name = w; expected dtype int32 does not equal original dtype float");
            assertThatThrownBy(() -> s.runner().feed("prefix", TString.scalarOf(p)).fetch("sliced").run())
                    .isInstanceOf(TFUnimplementedException.class).hasMessageContaining("shape_and_slice '2 0,1'");
            String none = dir.resolve("none/ckpt").toString();
            assertThatThrownBy(() -> s.runner().feed("prefix", TString.scalarOf(none)).fetch("missing").run())
                    .isInstanceOf(TFNotFoundException.class).hasMessageContaining("Failed to find any matching files for "
                            + none);
            String deep = dir.resolve("a/b/ckpt").toString();
            assertThatThrownBy(() -> s.runner().feed("prefix", TString.scalarOf(deep)).addTarget("save").run())
                    .isInstanceOf(TFNotFoundException.class).hasMessageContaining("its parent directory must exist");
        }
    }

    @Test
    void mergeRenamesShardsIntoOneCheckpointAndRefusesDuplicateKeys(@TempDir Path dir) throws Exception {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var p = tf.withName("p").placeholder(TString.class);
            // Named: save() makes its own Ops, whose root scope (like TF-Java's) counts the graph's names at creation.
            save(g, "save_a", p, new String[] {"a"}, tf.withName("a_value").constant(new float[] {1}));
            save(g, "save_b", p, new String[] {"b"}, tf.withName("b_value").constant(new float[] {2, 3}));
            var shards = tf.withName("shards").placeholder(TString.class);
            g.opBuilder("MergeV2Checkpoints", "merge").addInput(shards.asOutput()).addInput(p.asOutput()).build();
            String a = dir.resolve("tmp/part-0").toString();
            String b = dir.resolve("tmp2/part-1").toString();
            s.runner().feed("p", TString.scalarOf(a)).addTarget("save_a").run().close();
            s.runner().feed("p", TString.scalarOf(b)).addTarget("save_b").run().close();
            String dest = dir.resolve("model").toString();
            s.runner().feed("shards", TString.vectorOf(a, b)).feed("p", TString.scalarOf(dest)).addTarget("merge").run()
                    .close();
            assertThat(Files.exists(dir.resolve("model.data-00000-of-00002"))).isTrue();
            assertThat(Files.exists(dir.resolve("model.data-00001-of-00002"))).isTrue();
            assertThat(Files.exists(dir.resolve("tmp"))).as("delete_old_dirs").isFalse();
            try (TfCheckpoint c = TfCheckpoint.open(Path.of(dest))) {
                assertThat(c.header().numShards()).isEqualTo(2);
                assertThat(c.read("b").toFloatArray()).containsExactly(2f, 3f);
                assertThat(c.entry("b").shardId()).isEqualTo(1);
            }
            String c1 = dir.resolve("c1").toString();
            String c2 = dir.resolve("c2").toString();
            s.runner().feed("p", TString.scalarOf(c1)).addTarget("save_a").run().close();
            s.runner().feed("p", TString.scalarOf(c2)).addTarget("save_a").run().close();
            assertThatThrownBy(() -> s.runner().feed("shards", TString.vectorOf(c1, c2))
                    .feed("p", TString.scalarOf(dir.resolve("dup").toString())).addTarget("merge").run())
                    .hasMessageContaining("node 'merge'").hasMessageContaining("duplicate tensor keyed by 'a'");
        }
    }

    @Test
    void stringJoinShardedFilenameRegexAndZerosLike() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var base = tf.constant("gs://b/model");
            var parts = tf.constantOf(TString.vectorOf("p", "q"));
            g.opBuilder("StringJoin", "j").addInput(base.asOutput()).addInput(parts.asOutput()).setAttr("separator", "-")
                    .build();
            g.opBuilder("ShardedFilename", "sf").addInput(base.asOutput()).addInput(tf.constant(3).asOutput())
                    .addInput(tf.constant(12).asOutput()).build();
            g.opBuilder("StaticRegexFullMatch", "re").addInput(parts.asOutput()).setAttr("pattern", "[a-p]").build();
            g.opBuilder("ZerosLike", "z").addInput(parts.asOutput()).build();
            g.opBuilder("StringJoin", "bad").addInput(parts.asOutput())
                    .addInput(tf.constantOf(TString.vectorOf("a", "b", "c")).asOutput()).build();
            try (var r = s.runner().fetch("j").fetch("sf").fetch("re").fetch("z").run()) {
                assertThat(((TString) r.get(0)).getObject(1)).isEqualTo("gs://b/model-q");
                assertThat(((TString) r.get(1)).getObject()).isEqualTo("gs://b/model-00003-of-00012");
                assertThat(((TBool) r.get(2)).getBoolean(0)).isTrue();
                assertThat(((TBool) r.get(2)).getBoolean(1)).isFalse();
                assertThat(((TString) r.get(3)).getObject(1)).isEmpty();
                assertThat(r.get(3).shape()).isEqualTo(Shape.of(2));
            }
            assertThatThrownBy(() -> s.runner().fetch("bad").run()).hasMessageContaining("node 'bad'")
                    .hasMessageContaining("Input shapes do not match: [2] vs. [3]");
        }
    }
}
