package dev.ember.tfcompat.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.legacy.types.UInt8;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TF 1.x API adapters: tensors from Java arrays and buffers, graphs built by opBuilder, runs, SavedModels. */
class LegacyApiTest {

    @Test
    void tensorsFromJavaArraysKeepTypeShapeAndValues() {
        try (Tensor<?> t = Tensor.create(new float[][] {{1, 2, 3}, {4, 5, 6}})) {
            assertThat(t.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(t.shape()).containsExactly(2, 3);
            assertThat(t.numElements()).isEqualTo(6);
            assertThat(t.numBytes()).isEqualTo(24);
            assertThat(t.toString()).isEqualTo("FLOAT tensor with shape [2, 3]");
            assertThat(t.copyTo(new float[2][3])[1][2]).isEqualTo(6f);
            Tensor<Float> f = t.expect(Float.class);
            assertThat(f.numDimensions()).isEqualTo(2);
            assertThatThrownBy(() -> t.expect(Integer.class)).hasMessageContaining("Cannot cast from tensor of FLOAT");
            assertThatThrownBy(() -> t.copyTo(new float[3][2])).hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
            assertThatThrownBy(() -> t.copyTo(new int[2][3])).hasMessageContaining("type FLOAT");
            assertThatThrownBy(t::floatValue).hasMessageContaining("not a scalar");
        }
        assertThat(Tensor.create(3L).longValue()).isEqualTo(3L);
        assertThat(Tensor.create(2.5).doubleValue()).isEqualTo(2.5);
        assertThat(Tensor.create(7).intValue()).isEqualTo(7);
        assertThat(Tensor.create(true).booleanValue()).isTrue();
        assertThat(Tensors.create(1.5f).floatValue()).isEqualTo(1.5f);
        assertThatThrownBy(() -> Tensors.create(1.5f).intValue()).hasMessageContaining("not a INT32 scalar");
        assertThatThrownBy(() -> Tensor.create(new int[][] {{1, 2}, {3}})).hasMessageContaining("ragged");
        assertThatThrownBy(() -> Tensor.create(new int[] {1}, Float.class))
                .hasMessageContaining("DataType of object does not match T (expected FLOAT, got INT32)");
        assertThatThrownBy(() -> Tensor.create("text")).hasMessageContaining("cannot create Tensors of type java.lang.String");
        Tensor<Float> scalar = Tensors.create(1f);
        scalar.close();
        assertThatThrownBy(scalar::floatValue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Tensors.create(1f).copyTo(new float[1])).hasMessageContaining("scalar accessor");
    }

    @Test
    void stringsUint8AndBuffers() {
        Tensor<String> s = Tensors.create("héllo");
        assertThat(new String(s.bytesValue(), StandardCharsets.UTF_8)).isEqualTo("héllo");
        assertThat(s.numBytes()).isEqualTo(8 + 1 + 6);
        Tensor<String> v = Tensors.create(new byte[][] {"a".getBytes(), "bc".getBytes()});
        assertThat(v.shape()).containsExactly(2);
        assertThat(new String(v.copyTo(new byte[2][])[1])).isEqualTo("bc");
        Tensor<UInt8> u = Tensor.create(new byte[][] {{1, (byte) 255}}, UInt8.class);
        assertThat(u.dataType()).isEqualTo(DataType.UINT8);
        assertThat(u.shape()).containsExactly(1, 2);
        assertThat(u.copyTo(new byte[1][2])[0][1]).isEqualTo((byte) 255);
        Tensor<Integer> i = Tensor.create(new long[] {2, 2}, IntBuffer.wrap(new int[] {1, 2, 3, 4}));
        IntBuffer out = IntBuffer.allocate(4);
        i.writeTo(out);
        assertThat(out.array()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> Tensor.create(new long[] {3}, FloatBuffer.wrap(new float[] {1, 2})))
                .hasMessageContaining("buffer with 2 elements is not compatible with a Tensor with shape [3]");
        ByteBuffer raw = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        raw.asLongBuffer().put(new long[] {5, -6});
        Tensor<Long> l = Tensor.create(Long.class, new long[] {2}, raw);
        assertThat(l.copyTo(new long[2])).containsExactly(5, -6);
        assertThat(Tensor.create(new long[] {1}, LongBuffer.wrap(new long[] {9})).copyTo(new long[1])).containsExactly(9);
        assertThat(DataType.fromClass(UInt8.class)).isEqualTo(DataType.UINT8);
        assertThat(DataType.STRING.byteSize()).isEqualTo(-1);
    }

    @Test
    void aGraphBuiltWithOpBuilderRunsOnTheEngine() {
        try (Graph g = new Graph()) {
            try (Tensor<Float> w = Tensors.create(new float[][] {{1, 2}, {3, 4}})) {
                g.opBuilder("Const", "w").setAttr("dtype", w.dataType()).setAttr("value", w).build();
            }
            Output<Float> x = g.opBuilder("Placeholder", "x").setAttr("dtype", DataType.FLOAT)
                    .setAttr("shape", Shape.make(-1, 2)).build().output(0);
            Output<Float> w = g.operation("w").output(0);
            g.opBuilder("MatMul", "y").addInput(x).addInput(w).build();
            assertThat(x.shape()).isEqualTo(Shape.make(-1, 2));
            assertThat(x.shape().toString()).isEqualTo("[?, 2]");
            assertThat(g.operation("y").type()).isEqualTo("MatMul");
            assertThat(g.operation("nope")).isNull();
            Iterator<Operation> ops = g.operations();
            assertThat(ops.next().name()).isEqualTo("w");
            try (Session s = new Session(g); Tensor<?> in = Tensor.create(new float[][] {{1, 1}})) {
                List<Tensor<?>> out = s.runner().feed("x", in).fetch("y").run();
                assertThat(out.get(0).copyTo(new float[1][2])[0]).containsExactly(4, 6);
                assertThat(s.runner().feed(x, in).fetch(g.operation("y").output(0)).runAndFetchMetadata().outputs)
                        .hasSize(1);
                assertThatThrownBy(() -> s.runner().fetch("y").run()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("You must feed a value for placeholder tensor 'x'");
            }
            byte[] def = g.toGraphDef();
            try (Graph g2 = new Graph()) {
                g2.importGraphDef(def, "copy");
                assertThat(g2.operation("copy/y").numOutputs()).isEqualTo(1);
                assertThatThrownBy(() -> g2.importGraphDef(new byte[] {1, 2, 3}))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid GraphDef");
                assertThatThrownBy(() -> g2.opBuilder("NoSuchOp", "n").build())
                        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("NoSuchOp");
                assertThatThrownBy(() -> g2.opBuilder("Identity", "i").addInput(x))
                        .hasMessageContaining("operation of another Graph");
            }
        }
    }

    @Test
    void variablesGradientsAndAWhileLoop() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Output<Float> v = g.opBuilder("VariableV2", "v").setAttr("dtype", DataType.FLOAT)
                    .setAttr("shape", Shape.scalar()).build().output(0);
            Output<Float> three = g.opBuilder("Const", "three").setAttr("dtype", DataType.FLOAT)
                    .setAttr("value", Tensors.create(3f)).build().output(0);
            g.opBuilder("Assign", "init").addInput(v).addInput(three).build();
            Output<Float> sq = g.opBuilder("Mul", "sq").addInput(v).addInput(v).build().output(0);
            assertThatThrownBy(() -> s.runner().fetch("sq").run()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("uninitialized");
            s.runner().addTarget("init").run();
            Output<?>[] d = g.addGradients(sq, new Output<?>[] {v});
            assertThat(s.runner().fetch(d[0]).run().get(0).floatValue()).isEqualTo(6f);
            // count 3 down to 0 while doubling: a functional While on the engine
            Output<?>[] out = g.whileLoop(new Output<?>[] {three, three},
                    (cg, in, o) -> o[0] = cg.opBuilder("Cast", "go").addInput(in[0]).setAttr("SrcT", DataType.FLOAT)
                            .setAttr("DstT", DataType.BOOL).build().output(0),
                    (bg, in, o) -> {
                        Output<Float> one = bg.opBuilder("Const", "one").setAttr("dtype", DataType.FLOAT)
                                .setAttr("value", Tensors.create(1f)).build().output(0);
                        o[0] = bg.opBuilder("Sub", "dec").addInput(in[0]).addInput(one).build().output(0);
                        o[1] = bg.opBuilder("Add", "twice").addInput(in[1]).addInput(in[1]).build().output(0);
                    }, "loop");
            assertThat(g.operation("loop").type()).isEqualTo("StatelessWhile");
            List<Tensor<?>> r = s.runner().fetch(out[0]).fetch(out[1]).run();
            assertThat(r.get(0).floatValue()).isEqualTo(0f);
            assertThat(r.get(1).floatValue()).isEqualTo(24f);
        }
    }

    @Test
    void savedModelsLoadThroughTheLegacyApi(@TempDir Path dir) throws Exception {
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
            dev.ember.tfcompat.op.Ops tf = dev.ember.tfcompat.op.Ops.create(g);
            var x = tf.withName("x").placeholder(dev.ember.tfcompat.types.TFloat32.class);
            var w = tf.withName("w").variable(tf.constant(new float[] {2, 3}));
            var y = tf.withName("y").math.add(x, w);
            s.initialize();
            dev.ember.tfcompat.SavedModelBundle.exporter(dir.toString()).withSession(s)
                    .withSignature(dev.ember.tfcompat.Signature.builder().input("x", x).output("y", y).build()).export();
        }
        try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), "serve");
             Tensor<Float> x = Tensors.create(new float[] {1, -1})) {
            float[] y = b.session().runner().feed("x", x).fetch("y").run().get(0).copyTo(new float[2]);
            assertThat(y).containsExactly(3, 2);
            assertThat(org.tensorflow.proto.MetaGraphDef.parseFrom(b.metaGraphDef()).getSignatureDefMap())
                    .containsKey("serving_default");
            assertThat(b.graph().operation("w").type()).isEqualTo("VariableV2");
        }
        assertThatThrownBy(() -> SavedModelBundle.load(dir.toString(), "train"))
                .isInstanceOf(TensorFlowException.class).hasMessageContaining("available tag sets: { serve }");
        assertThatThrownBy(() -> SavedModelBundle.loader(dir.resolve("none").toString()).withTags("serve").load())
                .isInstanceOf(TensorFlowException.class).hasMessageContaining("does not exist");
        assertThat(TensorFlow.version()).isEqualTo("1.15.0");
        assertThat(org.tensorflow.proto.OpList.parseFrom(TensorFlow.registeredOpList()).getOpList())
                .extracting(org.tensorflow.proto.OpDef::getName).contains("MatMul", "SaveV2", "StatefulPartitionedCall");
    }
}
