package dev.ember.parity;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.tensorflow.RawTensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Values of one tensor held in plain Java, row-major in some layout: the common ground between the
 * TF runtime and the engine. Floats are kept as doubles (float32 values exactly), integers and bools
 * as longs (bool as 0/1), so comparisons never round an int64.
 */
final class HostTensor {
    final DType dtype;
    final long[] shape;
    final double[] floats;
    final long[] ints;

    private HostTensor(DType dtype, long[] shape, double[] floats, long[] ints) {
        this.dtype = dtype;
        this.shape = shape;
        this.floats = floats;
        this.ints = ints;
    }

    static HostTensor ofFloats(DType dtype, long[] shape, double[] values) {
        return new HostTensor(dtype, shape.clone(), values, null);
    }

    static HostTensor ofInts(DType dtype, long[] shape, long[] values) {
        return new HostTensor(dtype, shape.clone(), null, values);
    }

    int numel() {
        return floats != null ? floats.length : ints.length;
    }

    boolean isFloating() {
        return floats != null;
    }

    /** Element {@code i} as a double (ints may round beyond 2^53; use {@link #text} to print). */
    double value(int i) {
        return floats != null ? floats[i] : ints[i];
    }

    /** Element {@code i} printed exactly: shortest round-trip decimal of its own dtype. */
    String text(int i) {
        if (dtype == DType.BOOL) {
            return ints[i] != 0 ? "true" : "false";
        }
        if (ints != null) {
            return Long.toString(ints[i]);
        }
        return dtype == DType.FLOAT32 ? Float.toString((float) floats[i]) : Double.toString(floats[i]);
    }

    /** The same values in the engine layout of {@code layout} (this one being the TF layout). */
    HostTensor toEngineLayout(Layout layout) {
        if (layout.isIdentity()) {
            return this;
        }
        long[] engineShape = layout.engineShape(shape);
        long[] tfStrides = strides(shape);
        int n = numel();
        double[] f = floats == null ? null : new double[n];
        long[] l = ints == null ? null : new long[n];
        long[] idx = new long[engineShape.length];
        for (int e = 0; e < n; e++) {
            int t = (int) flat(layout.tfIndex(idx, shape), tfStrides);
            if (f != null) {
                f[e] = floats[t];
            } else {
                l[e] = ints[t];
            }
            increment(idx, engineShape);
        }
        return new HostTensor(dtype, engineShape, f, l);
    }

    // ---------------------------------------------------------------- index arithmetic

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= shape[d];
        }
        return s;
    }

    static long flat(long[] index, long[] strides) {
        long f = 0;
        for (int d = 0; d < index.length; d++) {
            f += index[d] * strides[d];
        }
        return f;
    }

    static long[] unflatten(long flat, long[] shape) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] > 0) {
                idx[d] = flat % shape[d];
                flat /= shape[d];
            }
        }
        return idx;
    }

    private static void increment(long[] idx, long[] shape) {
        for (int d = idx.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    static int checkedNumel(String what, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(what + ": negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + ": " + n + " elements is more than the harness holds in one array");
        }
        return (int) n;
    }

    // ---------------------------------------------------------------- engine

    static HostTensor fromEngine(String what, Tensor t) {
        if (t == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        Tensor d = t.detach();
        return decode(what, d.dtype(), d.shape(), d.toBytes());
    }

    Tensor toEngine() {
        return Tensor.fromBytes(encode(), dtype, shape.clone());
    }

    // ---------------------------------------------------------------- TensorFlow

    static HostTensor fromTf(String what, org.tensorflow.Tensor t) {
        if (t == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        RawTensor raw = t.asRawTensor();
        DType dtype = dtypeOf(what, raw.dataType());
        long[] shape = raw.shape().asArray();
        int n = checkedNumel(what, shape);
        if (raw.numBytes() != (long) n * dtype.byteSize()) {
            throw new IllegalStateException(what + ": TF tensor " + raw.dataType() + Arrays.toString(shape)
                    + " has " + raw.numBytes() + " bytes, expected " + (long) n * dtype.byteSize());
        }
        byte[] bytes = new byte[(int) raw.numBytes()];
        raw.data().read(bytes);
        return decode(what, dtype, shape, ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()));
    }

    org.tensorflow.Tensor toTf() {
        ByteBuffer b = encode().order(ByteOrder.nativeOrder());
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return org.tensorflow.Tensor.of(tfClass(dtype), Shape.of(shape), DataBuffers.of(bytes, true, false));
    }

    static DType dtypeOf(String what, DataType t) {
        switch (t) {
            case DT_FLOAT: return DType.FLOAT32;
            case DT_DOUBLE: return DType.FLOAT64;
            case DT_INT32: return DType.INT32;
            case DT_INT64: return DType.INT64;
            case DT_BOOL: return DType.BOOL;
            default:
                throw new IllegalArgumentException(what + ": TF dtype " + t + " is not supported by the parity harness "
                        + "(float32, float64, int32, int64, bool); cast it on the TF side");
        }
    }

    static Class<? extends TType> tfClass(DType dtype) {
        switch (dtype) {
            case FLOAT32: return TFloat32.class;
            case FLOAT64: return TFloat64.class;
            case INT32: return TInt32.class;
            case INT64: return TInt64.class;
            case BOOL: return TBool.class;
            default: throw new IllegalArgumentException("no TF type for " + dtype);
        }
    }

    // ---------------------------------------------------------------- bytes (little-endian on both sides)

    private static HostTensor decode(String what, DType dtype, long[] shape, ByteBuffer bytes) {
        int n = checkedNumel(what, shape);
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("the parity harness assumes a little-endian platform");
        }
        switch (dtype) {
            case FLOAT32: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.getFloat();
                }
                return ofFloats(dtype, shape, v);
            }
            case FLOAT64: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.getDouble();
                }
                return ofFloats(dtype, shape, v);
            }
            default: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = dtype == DType.INT32 ? b.getInt() : dtype == DType.INT64 ? b.getLong() : (b.get() != 0 ? 1 : 0);
                }
                return ofInts(dtype, shape, v);
            }
        }
    }

    private ByteBuffer encode() {
        int n = numel();
        ByteBuffer b = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case FLOAT32: b.putFloat((float) floats[i]); break;
                case FLOAT64: b.putDouble(floats[i]); break;
                case INT32: b.putInt((int) ints[i]); break;
                case INT64: b.putLong(ints[i]); break;
                default: b.put((byte) (ints[i] != 0 ? 1 : 0)); break;
            }
        }
        b.flip();
        return b;
    }
}
