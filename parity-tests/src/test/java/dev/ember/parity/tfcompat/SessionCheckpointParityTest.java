package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * {@code Session.save} / {@code Session.restore} as TF-Java 1.1.0 does them, interoperating with the
 * real runtime both ways: TF saves and tfcompat restores (into the same graph imported, with or
 * without TF's {@code save/} nodes, and into a graph built with tfcompat's own Ops), tfcompat saves
 * and TF restores; the restored sessions compute what the saving one computed.
 */
class SessionCheckpointParityTest {
    private static final float[][] X = {{1, -2, 0.5f}, {3, 0, -1}};

    /** A graph with two float variables and an int64 counter; {@code set} assigns new values from placeholders. */
    private static void build(Ops tf) {
        var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
        var w = tf.withName("w").variable(tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        var b = tf.withName("b").variable(tf.constant(new float[] {0.5f, -0.5f}));
        var step = tf.withName("step").variable(tf.constant(0L));
        tf.withName("y").math.add(tf.linalg.matMul(x, w), b);
        var nw = tf.withName("new_w").placeholder(TFloat32.class, Placeholder.shape(Shape.of(3, 2)));
        var nb = tf.withName("new_b").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2)));
        tf.withName("set").withControlDependencies(List.of(tf.assign(w, nw), tf.assign(b, nb),
                tf.assign(step, tf.constant(41L)))).noOp();
    }

    private static void setInTf(Session s, float[][] w, float[] b) {
        try (TFloat32 tw = TFloat32.tensorOf(StdArrays.ndCopyOf(w)); TFloat32 tb = TFloat32.vectorOf(b)) {
            s.runner().feed("new_w", tw).feed("new_b", tb).addTarget("set").run();
        }
    }

    private static float[][] yOfTf(Session s) {
        try (TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(X)); var r = s.runner().feed("x", x).fetch("y").run()) {
            return StdArrays.array2dCopyOf((TFloat32) r.get(0));
        }
    }

    private static float[][] yOfOurs(dev.ember.tfcompat.Session s) {
        try (var x = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(X));
             var r = s.runner().feed("x", x).fetch("y").run()) {
            return StdArrays.array2dCopyOf((dev.ember.tfcompat.types.TFloat32) r.get(0));
        }
    }

    private static long stepOfOurs(dev.ember.tfcompat.Session s) {
        try (var r = s.runner().fetch("step").run()) {
            return ((dev.ember.tfcompat.types.TInt64) r.get(0)).getLong();
        }
    }

    @Test
    void tfSavesAndTfcompatRestores(@TempDir Path dir) {
        String prefix = dir.resolve("tf/model.ckpt").toString();
        GraphDef plain;
        GraphDef withSaver;
        float[][] expected;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            build(Ops.create(g));
            plain = g.toGraphDef();
            s.initialize();
            setInTf(s, new float[][] {{0.1f, 0.2f}, {-1, 1}, {2.5f, -3}}, new float[] {7, 8});
            s.save(prefix);
            withSaver = g.toGraphDef();
            expected = yOfTf(s);
        }
        try (TfCheckpoint ckpt = TfCheckpoint.open(Path.of(prefix))) {
            assertThat(ckpt.names()).containsExactly("b", "step", "w");
        }
        for (GraphDef def : List.of(plain, withSaver)) {
            try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
                 dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
                g.importGraphDef(def);
                s.restore(prefix);
                assertThat(yOfOurs(s)).isEqualTo(expected);
                assertThat(stepOfOurs(s)).isEqualTo(41L);
            }
        }
        // a graph written with tfcompat's own Ops: restore counts as initialization
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
            dev.ember.tfcompat.op.Ops tf = dev.ember.tfcompat.op.Ops.create(g);
            var x = tf.withName("x").placeholder(dev.ember.tfcompat.types.TFloat32.class);
            var w = tf.withName("w").variable(tf.constant(new float[][] {{0, 0}, {0, 0}, {0, 0}}));
            var b = tf.withName("b").variable(tf.constant(new float[] {0, 0}));
            tf.withName("step").variable(tf.constant(0L));
            tf.withName("y").math.add(tf.linalg.matMul(x, w), b);
            s.restore(prefix);
            s.initialize();
            assertThat(yOfOurs(s)).isEqualTo(expected);
            assertThat(g.operation("save/restore_all")).isNotNull();
            assertThat(g.operation("save/filename").type()).isEqualTo("Placeholder");
        }
    }

    @Test
    void tfcompatSavesAndTfRestores(@TempDir Path dir) {
        String prefix = dir.resolve("ember/model.ckpt").toString();
        GraphDef def;
        try (Graph g = new Graph()) {
            build(Ops.create(g));
            def = g.toGraphDef();
        }
        float[][] ours;
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
            g.importGraphDef(def);
            // TF-Java names the initializer Assign of variable "w" "w_1"
            s.runner().addTarget("w_1").addTarget("b_1").addTarget("step_1").run().close();
            try (var w = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(
                    new float[][] {{-0.5f, 1}, {2, 0.25f}, {4, -8}}));
                 var b = dev.ember.tfcompat.types.TFloat32.vectorOf(3, -3)) {
                s.runner().feed("new_w", w).feed("new_b", b).addTarget("set").run().close();
            }
            s.save(prefix);
            ours = yOfOurs(s);
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            g.importGraphDef(def);
            s.restore(prefix);
            assertThat(yOfTf(s)).isEqualTo(ours);
            try (var r = s.runner().fetch("step").run()) {
                assertThat(((TInt64) r.get(0)).getLong()).isEqualTo(41L);
            }
        }
    }
}
