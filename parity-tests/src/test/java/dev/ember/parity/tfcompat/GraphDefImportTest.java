package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** GraphDefs written by the real TF runtime, imported into tfcompat and run on the engine, give TF's values. */
class GraphDefImportTest {

    @Test
    void aGraphBuiltByTfRunsOnTheEngineWithTheSameValues() {
        float[][] xv = {{1, 2, 3}, {-1, 0.5f, 2}};
        GraphDef def;
        float[][] tfOut;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            var w = tf.constant(new float[][] {{1, 0}, {0, 1}, {2, -1}});
            var y = tf.withName("y").math.add(tf.linalg.matMul(x, w), tf.constant(new float[] {0.5f, -0.5f}));
            tf.withName("out").identity(y);
            def = g.toGraphDef();
            try (TFloat32 xs = TFloat32.tensorOf(StdArrays.ndCopyOf(xv)); var r = s.runner().feed("x", xs).fetch("out").run()) {
                tfOut = StdArrays.array2dCopyOf((TFloat32) r.get(0));
            }
        }
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
            g.importGraphDef(def);
            assertThat(g.operation("x").type()).isEqualTo("Placeholder");
            assertThat(g.operation("y").type()).isEqualTo("Add");
            try (var xs = dev.ember.tfcompat.types.TFloat32.tensorOf(StdArrays.ndCopyOf(xv));
                 var r = s.runner().feed("x", xs).fetch("out").run()) {
                float[][] ours = StdArrays.array2dCopyOf((dev.ember.tfcompat.types.TFloat32) r.get(0));
                assertThat(ours).isEqualTo(tfOut);
            }
            // export + import again gives the same graph
            try (dev.ember.tfcompat.Graph g2 = new dev.ember.tfcompat.Graph()) {
                g2.importGraphDef(g.toGraphDef(), "copy");
                assertThat(g2.operation("copy/y").type()).isEqualTo("Add");
                assertThat(g2.operation("copy/y").numInputs()).isEqualTo(2);
            }
        }
    }

    @Test
    void everyUnsupportedOpTypeIsListedAtOnce() {
        GraphDef def;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            var a = tf.withName("a").constant(new float[] {1, 2});
            tf.withName("c1").math.besselI0e(a);
            tf.withName("c2").math.besselI0e(a);
            tf.withName("e").math.igammac(a, a);
            def = g.toGraphDef();
        }
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph()) {
            assertThatThrownBy(() -> g.importGraphDef(def)).isInstanceOf(TFUnimplementedException.class)
                    .hasMessageContaining("2 op type(s)")
                    .hasMessageContaining("BesselI0e (2 nodes: c1, c2)")
                    .hasMessageContaining("Igammac (1 node: e)");
            assertThat(g.operations().hasNext()).as("nothing was added").isFalse();
        }
    }

    @Test
    void malformedBytesAreAClearError() {
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph()) {
            assertThatThrownBy(() -> g.importGraphDef(new byte[] {1, 2, 3, 4, 5}))
                    .hasMessageContaining("Invalid GraphDef");
        }
    }
}
