package dev.ember.tfcompat.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt32;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Resource variables: sharing by container/shared_name, the TF messages of misuse, fetching a handle. */
class ResourceKernelsTest {
    private static GraphOperation handle(Graph g, String name, String shared, DataType t, Shape s) {
        return g.opBuilder("VarHandleOp", name).setAttr("dtype", t).setAttr("shape", s).setAttr("shared_name", shared)
                .setAttr("container", "").build();
    }

    private static GraphOperation assign(Graph g, String name, GraphOperation h, Output<?> v) {
        return g.opBuilder("AssignVariableOp", name).addInput(h.output(0)).addInput(v).setAttr("dtype", v.dataType())
                .build();
    }

    private static GraphOperation read(Graph g, String name, GraphOperation h, DataType t) {
        return g.opBuilder("ReadVariableOp", name).addInput(h.output(0)).setAttr("dtype", t).build();
    }

    @Test
    void handlesWithTheSameSharedNameAreOneVariableAndAHandleFetchesItsValue() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            GraphOperation a = handle(g, "a", "v", DataType.DT_FLOAT, Shape.of(2));
            GraphOperation b = handle(g, "b", "v", DataType.DT_FLOAT, Shape.of(2));
            GraphOperation other = handle(g, "c", "w", DataType.DT_FLOAT, Shape.of(2));
            assign(g, "init", a, tf.constant(new float[] {1, 2}).asOutput());
            read(g, "read_b", b, DataType.DT_FLOAT);
            GraphOperation isInit = g.opBuilder("VarIsInitializedOp", "init_c").addInput(other.output(0)).build();
            s.run("init");
            try (var r = s.runner().fetch("read_b").fetch(isInit.output(0)).fetch("a").run()) {
                assertThat(((TFloat32) r.get(0)).getFloat(1)).isEqualTo(2f);
                assertThat(((TBool) r.get(1)).getBoolean()).isFalse();
                assertThat(((TFloat32) r.get(2)).getFloat(0)).isEqualTo(1f);
            }
            // fetching handle "b" reuses its ReadVariableOp, handle "a" gets one under session_reads/
            assertThat(g.operation("session_reads/a_read")).isNotNull();
            assertThat(g.operation("read_b").type()).isEqualTo("ReadVariableOp");
            assertThat(s.state().resources()).containsOnlyKeys("localhost/v", "localhost/w");
        }
    }

    @Test
    void misuseGivesTfsMessagesNamingTheNode() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            GraphOperation h = handle(g, "h", "v", DataType.DT_FLOAT, Shape.of(2));
            assertThatThrownBy(() -> read(g, "bad_read", h, DataType.DT_INT32))
                    .hasMessageContaining("bad_read").hasMessageContaining("Trying to read variable with wrong dtype. "
                            + "Expected float got int32");
            assertThatThrownBy(() -> assign(g, "bad_assign", h, tf.constant(new int[] {1, 2}).asOutput()))
                    .hasMessageContaining("Trying to assign variable with wrong dtype. Expected float got int32");
            assertThatThrownBy(() -> assign(g, "bad_shape", h, tf.constant(new float[] {1, 2, 3}).asOutput()))
                    .hasMessageContaining("bad_shape").hasMessageContaining("[2]").hasMessageContaining("[3]");
            read(g, "read", h, DataType.DT_FLOAT);
            assertThatThrownBy(() -> s.runner().fetch("read").run()).isInstanceOf(TFFailedPreconditionException.class)
                    .hasMessageContaining("node 'read' (ReadVariableOp): Could not find variable v");
            var d = tf.withName("d").placeholder(TFloat32.class);
            g.opBuilder("AssignAddVariableOp", "add").addInput(h.output(0)).addInput(d.asOutput())
                    .setAttr("dtype", DataType.DT_FLOAT).build();
            assign(g, "init", h, tf.constant(new float[] {1, 2}).asOutput());
            s.run("init");
            assertThatThrownBy(() -> s.runner().feed("d", TFloat32.vectorOf(1, 2, 3)).addTarget("add").run())
                    .hasMessageContaining("Cannot update variable with shape [2] using a Tensor with shape [3], shapes "
                            + "must be equal.");
            s.runner().feed("d", TFloat32.vectorOf(1, 1)).addTarget("add").run().close();
            try (var r = s.runner().fetch("read").run()) {
                assertThat(((TFloat32) r.get(0)).getFloat(1)).isEqualTo(3f);
            }
        }
    }

    @Test
    void gatherAndDestroy() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            GraphOperation h = handle(g, "h", "table", DataType.DT_FLOAT, Shape.of(3, 2));
            assign(g, "init", h, tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}}).asOutput());
            var idx = tf.withName("idx").placeholder(TInt32.class);
            GraphOperation gather = g.opBuilder("ResourceGather", "gather").addInput(h.output(0)).addInput(idx.asOutput())
                    .setAttr("dtype", DataType.DT_FLOAT).build();
            assertThat(gather.output(0).shape().isUnknown()).isTrue();
            s.run("init");
            try (var r = s.runner().feed("idx", TInt32.tensorOf(Shape.of(2, 1), t -> {
                t.setInt(2, 0, 0);
                t.setInt(0, 1, 0);
            })).fetch("gather").run()) {
                TFloat32 t = (TFloat32) r.get(0);
                assertThat(t.shape().asArray()).containsExactly(2, 1, 2);
                assertThat(t.getFloat(0, 0, 1)).isEqualTo(6f);
                assertThat(t.getFloat(1, 0, 0)).isEqualTo(1f);
            }
            assertThatThrownBy(() -> s.runner().feed("idx", TInt32.vectorOf(-1)).fetch("gather").run())
                    .hasMessageContaining("indices[0] = -1 is not in [0, 3)");
            assertThatThrownBy(() -> g.opBuilder("ResourceGather", "batched").addInput(h.output(0))
                    .addInput(idx.asOutput()).setAttr("dtype", DataType.DT_FLOAT).setAttr("batch_dims", 1L).build())
                    .hasMessageContaining("batch_dims=1 is not supported");
            g.opBuilder("DestroyResourceOp", "destroy").addInput(h.output(0)).build();
            g.opBuilder("DestroyResourceOp", "destroy_strict").addInput(h.output(0))
                    .setAttr("ignore_lookup_error", false).build();
            s.run("destroy");
            assertThatThrownBy(() -> s.runner().fetch("gather").feed("idx", TInt32.vectorOf(0)).run())
                    .isInstanceOf(TFFailedPreconditionException.class);
            s.run("destroy");
            assertThatThrownBy(() -> s.run("destroy_strict")).isInstanceOf(TFNotFoundException.class)
                    .hasMessageContaining("Resource localhost/table does not exist");
            s.run("init");
            try (var r = s.runner().feed("idx", TInt32.vectorOf(1)).fetch("gather").run()) {
                assertThat(((TFloat32) r.get(0)).getFloat(0, 1)).isEqualTo(4f);
            }
        }
    }

    @Test
    void aResourceInputMustBeAHandle() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            assertThatThrownBy(() -> g.opBuilder("ReadVariableOp", "r").addInput(tf.constant(1f).asOutput())
                    .setAttr("dtype", DataType.DT_FLOAT).build()).isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("node 'r' (ReadVariableOp): input 0 must be a resource handle, got DT_FLOAT");
        }
    }
}
