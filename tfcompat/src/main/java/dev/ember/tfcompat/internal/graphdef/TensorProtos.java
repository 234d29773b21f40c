package dev.ember.tfcompat.internal.graphdef;

import com.google.protobuf.ByteString;
import dev.ember.tfcompat.Tensor;
import dev.ember.tfcompat.internal.types.TBoolImpl;
import dev.ember.tfcompat.internal.types.TFloat32Impl;
import dev.ember.tfcompat.internal.types.TFloat64Impl;
import dev.ember.tfcompat.internal.types.TInt32Impl;
import dev.ember.tfcompat.internal.types.TInt64Impl;
import dev.ember.tfcompat.internal.types.TStringImpl;
import dev.ember.tfcompat.internal.types.TUint8Impl;
import dev.ember.tfcompat.internal.types.TypeInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** {@code TensorProto} to host tensors and back, following TF's rules (raw content, or typed values with the last one repeated). */
public final class TensorProtos {
    private TensorProtos() {
    }

    public static Shape shape(TensorShapeProto p) {
        if (p.getUnknownRank()) {
            return Shape.unknown();
        }
        long[] dims = new long[p.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = p.getDim(i).getSize();
        }
        return Shape.of(dims);
    }

    public static TensorShapeProto shape(Shape s) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        if (s.isUnknown()) {
            return b.setUnknownRank(true).build();
        }
        for (long d : s.asArray()) {
            b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return b.build();
    }

    /** The host tensor a TensorProto describes. */
    public static Tensor decode(TensorProto p) {
        DataType dt = p.getDtype();
        Shape shape = shape(p.getTensorShape());
        int n = Math.toIntExact(shape.size());
        ByteString raw = p.getTensorContent();
        boolean hasRaw = !raw.isEmpty();
        ByteBuffer bb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        switch (dt) {
            case DT_FLOAT: {
                float[] v = new float[n];
                if (hasRaw) {
                    bb.asFloatBuffer().get(v);
                } else {
                    fill(n, p.getFloatValCount(), i -> v[i] = p.getFloatVal(i));
                }
                return new TFloat32Impl(v, shape);
            }
            case DT_DOUBLE: {
                double[] v = new double[n];
                if (hasRaw) {
                    bb.asDoubleBuffer().get(v);
                } else {
                    fill(n, p.getDoubleValCount(), i -> v[i] = p.getDoubleVal(i));
                }
                return new TFloat64Impl(v, shape);
            }
            case DT_INT32: {
                int[] v = new int[n];
                if (hasRaw) {
                    bb.asIntBuffer().get(v);
                } else {
                    fill(n, p.getIntValCount(), i -> v[i] = p.getIntVal(i));
                }
                return new TInt32Impl(v, shape);
            }
            case DT_INT64: {
                long[] v = new long[n];
                if (hasRaw) {
                    bb.asLongBuffer().get(v);
                } else {
                    fill(n, p.getInt64ValCount(), i -> v[i] = p.getInt64Val(i));
                }
                return new TInt64Impl(v, shape);
            }
            case DT_BOOL: {
                boolean[] v = new boolean[n];
                if (hasRaw) {
                    for (int i = 0; i < n; i++) {
                        v[i] = bb.get(i) != 0;
                    }
                } else {
                    fill(n, p.getBoolValCount(), i -> v[i] = p.getBoolVal(i));
                }
                return new TBoolImpl(v, shape);
            }
            case DT_UINT8: {
                byte[] v = new byte[n];
                if (hasRaw) {
                    bb.get(v);
                } else {
                    fill(n, p.getIntValCount(), i -> v[i] = (byte) p.getIntVal(i));
                }
                return new TUint8Impl(v, shape);
            }
            case DT_STRING: {
                String[] v = new String[n];
                if (hasRaw) {
                    decodeStringList(raw.toByteArray(), v);
                    return new TStringImpl(v, shape);
                }
                fill(n, p.getStringValCount(), i -> v[i] = p.getStringVal(i).toString(StandardCharsets.UTF_8));
                if (p.getStringValCount() == 0) {
                    java.util.Arrays.fill(v, "");
                }
                return new TStringImpl(v, shape);
            }
            default:
                TypeInfo.of(dt);
                throw new IllegalArgumentException("tensor of type " + dt);
        }
    }

    /**
     * String elements from {@code tensor_content} in TF's {@code EncodeStringList} layout (TF-Java
     * writes string constants so): every length as a varint, then all the bytes.
     */
    private static void decodeStringList(byte[] b, String[] out) {
        int pos = 0;
        int[] len = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            int shift = 0;
            int value = 0;
            while (true) {
                if (pos >= b.length || shift > 28) {
                    throw new IllegalArgumentException("malformed string tensor_content (" + out.length + " strings)");
                }
                int x = b[pos++] & 0xFF;
                value |= (x & 0x7F) << shift;
                shift += 7;
                if (x < 0x80) {
                    break;
                }
            }
            len[i] = value;
        }
        for (int i = 0; i < out.length; i++) {
            if (len[i] < 0 || pos + len[i] > b.length) {
                throw new IllegalArgumentException("malformed string tensor_content: string " + i + " overruns the bytes");
            }
            out[i] = new String(b, pos, len[i], StandardCharsets.UTF_8);
            pos += len[i];
        }
    }

    /** TF fills missing trailing values with the last given one. */
    private static void fill(int n, int given, java.util.function.IntConsumer set) {
        if (given == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            set.accept(Math.min(i, given - 1));
        }
    }

    /** A TensorProto (raw little-endian content; strings as string_val) for a host tensor. */
    public static TensorProto encode(Tensor t) {
        TensorProto.Builder b = TensorProto.newBuilder().setDtype(t.dataType()).setTensorShape(shape(t.shape()));
        if (t instanceof TStringImpl) {
            for (String s : ((TStringImpl) t).data()) {
                b.addStringVal(ByteString.copyFrom(s, StandardCharsets.UTF_8));
            }
            return b.build();
        }
        ByteBuffer bytes = TypeInfo.toEngine(t).to(TypeInfo.of(t.dataType()).engine()).toBytes();
        if (t instanceof TUint8Impl) {
            return b.setTensorContent(ByteString.copyFrom(((TUint8Impl) t).data())).build();
        }
        if (t instanceof TBoolImpl) {
            boolean[] v = ((TBoolImpl) t).data();
            byte[] out = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (byte) (v[i] ? 1 : 0);
            }
            return b.setTensorContent(ByteString.copyFrom(out)).build();
        }
        return b.setTensorContent(ByteString.copyFrom(bytes)).build();
    }
}
