package dev.ember.parity.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.checkpoint.Layouts;
import dev.ember.tfcompat.checkpoint.TfCheckpointWriter;
import dev.ember.tfcompat.checkpoint.TfDataType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/** Checkpoints written by {@link TfCheckpointWriter} restored by TF's own RestoreV2 / Session.restore, byte for byte. */
class WriterRestoredByTfTest {

    @TempDir
    Path dir;

    private record Written(String name, TfDataType dtype, long[] shape, byte[] bytes, List<byte[]> strings) {
    }

    private final List<Written> written = new ArrayList<>();
    private final Random random = new Random(5);

    private void raw(TfCheckpointWriter w, String name, TfDataType dtype, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        byte[] b = new byte[(int) n * dtype.elementSize()];
        random.nextBytes(b);
        if (dtype == TfDataType.UINT64) {
            for (int i = 7; i < b.length; i += 8) {
                b[i] &= 0x7f;  // keep within int64 so the engine can read it too
            }
        }
        w.addRaw(name, dtype, shape, ByteBuffer.wrap(b));
        written.add(new Written(name, dtype, shape, b, null));
    }

    private void tensor(TfCheckpointWriter w, String name, Tensor t) {
        w.add(name, t);
        ByteBuffer b = t.toBytes();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        written.add(new Written(name, TfDataType.of(t.dtype()), t.shape(), bytes, null));
    }

    @Test
    void everyDtypeRestoredIdenticallyByRestoreV2() throws Exception {
        Path prefix = dir.resolve("ember.ckpt");
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            tensor(w, "dense/kernel", Tensor.fromArray(new float[] {1f, Float.NaN, -0f, Float.MIN_VALUE,
                    Float.NEGATIVE_INFINITY, 3.5f}, 3, 2));
            tensor(w, "f64", Tensor.fromArray(new double[] {Math.E, -Double.MAX_VALUE}, 2));
            tensor(w, "i32", Tensor.fromArray(new int[] {Integer.MIN_VALUE, 5}, 1, 2));
            tensor(w, "step", Tensor.scalar(9_000_000_000L));
            tensor(w, "mask", Tensor.fromArray(new boolean[] {true, false, false}, 3));
            tensor(w, "empty", Tensor.zeros(0, 5));
            raw(w, "bf16", TfDataType.BFLOAT16, new long[] {4, 3});
            raw(w, "half", TfDataType.HALF, new long[] {7});
            raw(w, "int8", TfDataType.INT8, new long[] {2, 5});
            raw(w, "int16", TfDataType.INT16, new long[] {3});
            raw(w, "uint8", TfDataType.UINT8, new long[] {9});
            raw(w, "uint16", TfDataType.UINT16, new long[] {2, 2});
            raw(w, "uint32", TfDataType.UINT32, new long[] {3});
            raw(w, "uint64", TfDataType.UINT64, new long[] {2});
            List<byte[]> strings = List.of("".getBytes(StandardCharsets.UTF_8), "layer".getBytes(StandardCharsets.UTF_8),
                    new byte[] {0, 1, (byte) 0xfe}, "y".repeat(1000).getBytes(StandardCharsets.UTF_8));
            w.addStrings("strings", new long[] {2, 2}, strings);
            written.add(new Written("strings", TfDataType.STRING, new long[] {2, 2}, null, strings));
            w.addStrings("one", new long[] {}, List.of("x".getBytes(StandardCharsets.UTF_8)));
            written.add(new Written("one", TfDataType.STRING, new long[] {}, null,
                    List.of("x".getBytes(StandardCharsets.UTF_8))));
            w.addStrings("none", new long[] {0}, List.of());
            written.add(new Written("none", TfDataType.STRING, new long[] {0}, null, List.of()));
            for (int i = 0; i < 4000; i++) {
                tensor(w, String.format("model/layer_with_weights-%04d/sub_block_%d/kernel/.ATTRIBUTES/VARIABLE_VALUE",
                        i, i % 7), Tensor.fromArray(new float[] {i, -i}, 2));
            }
            w.commit();
        }
        assertThat(Files.size(dir.resolve("ember.ckpt.index"))).isGreaterThan(256 * 1024);  // several data blocks

        List<String> names = written.stream().map(Written::name).toList();
        List<DataType> dtypes = written.stream().map(x -> DataType.forNumber(x.dtype().number())).toList();
        List<TfRestore.Restored> tf = TfRestore.restore(prefix, names, dtypes);
        for (int i = 0; i < written.size(); i++) {
            Written x = written.get(i);
            TfRestore.Restored r = tf.get(i);
            assertThat(r.shape()).as(x.name()).containsExactly(x.shape());
            if (x.strings() != null) {
                assertThat(r.strings()).as(x.name()).hasSameSizeAs(x.strings());
                for (int k = 0; k < x.strings().size(); k++) {
                    assertThat(r.strings().get(k)).as(x.name()).containsExactly(x.strings().get(k));
                }
            } else {
                assertThat(r.bytes()).as(x.name()).containsExactly(x.bytes());
            }
        }
    }

    @Test
    void exportedLinearWeightsRunInATfJavaGraph() {
        // engine Linear(4 -> 3): y = x W^T + b; exported as a Dense kernel [4, 3] and restored by Session.restore
        Tensor weight = Tensor.fromArray(Values.floats(12), 3, 4);
        Tensor bias = Tensor.fromArray(Values.floats(3), 3);
        Path prefix = dir.resolve("export");
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("dense/kernel", Layouts.linearWeightToDenseKernel(weight));
        sd.put("dense/bias", bias);
        TfCheckpointWriter.write(prefix, sd);

        float[][] input = {{1f, -2f, 0.5f, 3f}, {0f, 1f, -1f, 2f}};
        float[][] tfOut;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4)));
            Ops dense = tf.withSubScope("dense");
            var k = dense.withName("kernel").variable(Shape.of(4, 3), TFloat32.class);
            var b = dense.withName("bias").variable(Shape.of(3), TFloat32.class);
            var y = tf.math.add(tf.linalg.matMul(x, k), b);
            s.restore(prefix.toString());
            try (TFloat32 in = TFloat32.tensorOf(StdArrays.ndCopyOf(input));
                 var r = s.runner().feed(x, in).fetch(y).run()) {
                tfOut = StdArrays.array2dCopyOf((TFloat32) r.get(0));
            }
        }
        Tensor engine = Tensor.of(input).matmul(weight.permute(1, 0)).add(bias);
        assertThat(engine.allClose(Tensor.of(tfOut), 1e-6, 1e-6)).isTrue();
    }
}
