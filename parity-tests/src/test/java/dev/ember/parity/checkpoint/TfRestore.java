package dev.ember.parity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.RawTensor;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TString;

/**
 * The oracle: TF's own {@code RestoreV2} kernel (TF-Java 1.1.0, real runtime) reading a checkpoint,
 * returning each tensor's dtype, shape and raw element bytes. Types TF-Java has no Java class for
 * (int8, int16, uint32, uint64) are bit-cast to a same-size type TF-Java knows before fetching, which
 * keeps the bytes unchanged; {@link #restoreCast} instead converts with TF's {@code Cast} kernel.
 */
final class TfRestore {

    /** One restored tensor: dtype, shape, raw little-endian bytes (null for strings), strings (else null). */
    record Restored(DataType dtype, long[] shape, byte[] bytes, List<byte[]> strings) {
    }

    private TfRestore() {
    }

    private static DataType fetchableSameSize(DataType t) {
        switch (t) {
            case DT_INT8: return DataType.DT_UINT8;
            case DT_INT16: return DataType.DT_UINT16;
            case DT_UINT32: return DataType.DT_INT32;
            case DT_UINT64: return DataType.DT_INT64;
            default: return t;
        }
    }

    /** RestoreV2 of {@code names} with {@code dtypes} from {@code prefix}. */
    static List<Restored> restore(Path prefix, List<String> names, List<DataType> dtypes) {
        return run(prefix, names, dtypes, null);
    }

    /** RestoreV2, then TF's Cast of every tensor to {@code to} (e.g. float16 -> float32), raw bytes of the result. */
    static List<Restored> restoreCast(Path prefix, List<String> names, List<DataType> dtypes, List<DataType> to) {
        return run(prefix, names, dtypes, to);
    }

    private static List<Restored> run(Path prefix, List<String> names, List<DataType> dtypes, List<DataType> castTo) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            int n = names.size();
            Operand<TString> p = tf.constant(prefix.toString());
            Operand<TString> keys = tf.constant(StandardCharsets.UTF_8, names.toArray(new String[0]));
            Operand<TString> slices = tf.constant(StandardCharsets.UTF_8, emptyStrings(n));
            GraphOperation restore = g.opBuilder("RestoreV2", "restore", tf.scope())
                    .addInput(p.asOutput()).addInput(keys.asOutput()).addInput(slices.asOutput())
                    .setAttr("dtypes", dtypes.toArray(new DataType[0])).build();
            Session.Runner runner = s.runner();
            for (int i = 0; i < n; i++) {
                Output<?> out = restore.output(i);
                DataType target = castTo != null ? castTo.get(i) : fetchableSameSize(dtypes.get(i));
                if (target != dtypes.get(i)) {
                    String type = castTo != null ? "Cast" : "Bitcast";
                    var b = g.opBuilder(type, type.toLowerCase() + "_" + i, tf.scope()).addInput(out);
                    if (castTo != null) {
                        b.setAttr("SrcT", dtypes.get(i));
                        b.setAttr("DstT", target);
                    } else {
                        b.setAttr("type", target);
                    }
                    out = b.build().output(0);
                }
                runner.fetch(out);
            }
            List<Restored> result = new ArrayList<>();
            try (Result r = runner.run()) {
                for (int i = 0; i < n; i++) {
                    Tensor t = r.get(i);
                    long[] shape = t.shape().asArray();
                    if (t instanceof TString) {
                        List<byte[]> strings = new ArrayList<>();
                        ((TString) t).asBytes().scalars().forEach(x -> strings.add(x.getObject()));
                        result.add(new Restored(dtypes.get(i), shape, null, strings));
                    } else {
                        RawTensor raw = t.asRawTensor();
                        byte[] bytes = new byte[(int) raw.numBytes()];
                        raw.data().read(bytes);
                        result.add(new Restored(castTo != null ? castTo.get(i) : dtypes.get(i), shape, bytes, null));
                    }
                }
            }
            return result;
        }
    }

    private static String[] emptyStrings(int n) {
        String[] s = new String[n];
        java.util.Arrays.fill(s, "");
        return s;
    }
}
