package dev.ember.tfcompat.legacy;

import dev.ember.tfcompat.internal.types.TBoolImpl;
import dev.ember.tfcompat.internal.types.TFloat32Impl;
import dev.ember.tfcompat.internal.types.TFloat64Impl;
import dev.ember.tfcompat.internal.types.TInt32Impl;
import dev.ember.tfcompat.internal.types.TInt64Impl;
import dev.ember.tfcompat.internal.types.TStringImpl;
import dev.ember.tfcompat.internal.types.TUint8Impl;
import dev.ember.tfcompat.legacy.types.UInt8;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A typed multi-dimensional array of the TF 1.x API ({@code Tensor<Float>}, {@code Tensor<String>}
 * holding byte strings, ...); mirrors libtensorflow 1.15's {@code org.tensorflow.Tensor}. Values live
 * on the Java heap; {@link #close()} marks the tensor unusable, as TF's does.
 */
public final class Tensor<T> implements AutoCloseable {
    private final DataType dtype;
    private final long[] shape;
    private final Object data;  // float[], double[], int[], long[], boolean[], byte[] (UINT8) or byte[][] (STRING)
    private boolean closed;

    private Tensor(DataType dtype, long[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    // ---------------------------------------------------------------- creation

    /** A tensor of element type {@code type} from a scalar or a (multi-dimensional) Java array {@code obj}. */
    @SuppressWarnings("unchecked")
    public static <T> Tensor<T> create(Object obj, Class<T> type) {
        DataType want = DataType.fromClass(type);
        if (want == DataType.UINT8 && isByteArray(obj)) {
            long[] shape = dimensions(obj, rank(obj.getClass()));
            return (Tensor<T>) new Tensor<UInt8>(DataType.UINT8, shape, flatten(obj, shape, byte.class));
        }
        Tensor<?> t = create(obj);
        if (t.dtype != want) {
            throw new IllegalArgumentException("DataType of object does not match T (expected " + want + ", got "
                    + t.dtype + ")");
        }
        return (Tensor<T>) t;
    }

    /** A tensor from a scalar or a rectangular Java array; its type follows the element class (byte[] is a string). */
    public static Tensor<?> create(Object obj) {
        if (obj == null) {
            throw new IllegalArgumentException("cannot create a Tensor from null");
        }
        Class<?> base = baseClass(obj.getClass());
        int rank = rank(obj.getClass());
        if (isByteArray(obj)) {
            long[] shape = dimensions(obj, rank - 1);
            return new Tensor<String>(DataType.STRING, shape, flatten(obj, shape, byte[].class));
        }
        DataType dt = typeOfElement(base, obj);
        long[] shape = dimensions(obj, rank);
        Class<?> element = rank == 0 ? null : base;
        Object flat = rank == 0 ? scalar(obj, dt) : flatten(obj, shape, element);
        return new Tensor<>(dt, shape, flat);
    }

    public static Tensor<Integer> create(long[] shape, IntBuffer data) {
        int[] v = new int[checkSize(shape, data.remaining())];
        data.get(v);
        return new Tensor<>(DataType.INT32, shape.clone(), v);
    }

    public static Tensor<Float> create(long[] shape, FloatBuffer data) {
        float[] v = new float[checkSize(shape, data.remaining())];
        data.get(v);
        return new Tensor<>(DataType.FLOAT, shape.clone(), v);
    }

    public static Tensor<Double> create(long[] shape, DoubleBuffer data) {
        double[] v = new double[checkSize(shape, data.remaining())];
        data.get(v);
        return new Tensor<>(DataType.DOUBLE, shape.clone(), v);
    }

    public static Tensor<Long> create(long[] shape, LongBuffer data) {
        long[] v = new long[checkSize(shape, data.remaining())];
        data.get(v);
        return new Tensor<>(DataType.INT64, shape.clone(), v);
    }

    /** A tensor of {@code type} from raw element bytes in native byte order (not for strings). */
    @SuppressWarnings("unchecked")
    public static <T> Tensor<T> create(Class<T> type, long[] shape, ByteBuffer data) {
        DataType dt = DataType.fromClass(type);
        if (dt == DataType.STRING) {
            throw new IllegalArgumentException("create(Class, long[], ByteBuffer) cannot create STRING tensors; use "
                    + "create(Object) with byte arrays");
        }
        int n = checkSize(shape, data.remaining() / dt.byteSize());
        if (data.remaining() != n * dt.byteSize()) {
            throw new IllegalArgumentException("buffer with " + data.remaining() + " bytes is not compatible with a "
                    + "Tensor of type " + dt + " and shape " + Arrays.toString(shape));
        }
        ByteBuffer b = data.duplicate().order(ByteOrder.nativeOrder());
        Object v;
        switch (dt) {
            case FLOAT: v = new float[n]; b.asFloatBuffer().get((float[]) v); break;
            case DOUBLE: v = new double[n]; b.asDoubleBuffer().get((double[]) v); break;
            case INT32: v = new int[n]; b.asIntBuffer().get((int[]) v); break;
            case INT64: v = new long[n]; b.asLongBuffer().get((long[]) v); break;
            case UINT8: v = new byte[n]; b.get((byte[]) v); break;
            default: {
                boolean[] z = new boolean[n];
                for (int i = 0; i < n; i++) {
                    z[i] = b.get(i) != 0;
                }
                v = z;
            }
        }
        return (Tensor<T>) new Tensor<>(dt, shape.clone(), v);
    }

    /** This tensor typed as {@code Tensor<U>}; fails when the element types differ. */
    @SuppressWarnings("unchecked")
    public <U> Tensor<U> expect(Class<U> type) {
        DataType dt = DataType.fromClass(type);
        if (dt != dtype) {
            throw new IllegalArgumentException("Cannot cast from tensor of " + dtype + " to tensor of " + dt);
        }
        return (Tensor<U>) this;
    }

    // ---------------------------------------------------------------- reading

    /** Marks the tensor closed (values are on the Java heap; nothing native to free). */
    @Override
    public void close() {
        closed = true;
    }

    public DataType dataType() {
        return dtype;
    }

    public int numDimensions() {
        return shape.length;
    }

    /** Bytes of the element data (for strings, TF 1.x's encoding: offsets, varint lengths, bytes). */
    public int numBytes() {
        checkOpen();
        if (dtype != DataType.STRING) {
            return numElements() * dtype.byteSize();
        }
        int n = 0;
        for (byte[] s : (byte[][]) data) {
            n += 8 + varintSize(s.length) + s.length;
        }
        return n;
    }

    public int numElements() {
        return Math.toIntExact(count(shape));
    }

    public long[] shape() {
        return shape.clone();
    }

    public float floatValue() {
        return ((float[]) scalarData(DataType.FLOAT))[0];
    }

    public double doubleValue() {
        return ((double[]) scalarData(DataType.DOUBLE))[0];
    }

    public int intValue() {
        return ((int[]) scalarData(DataType.INT32))[0];
    }

    public long longValue() {
        return ((long[]) scalarData(DataType.INT64))[0];
    }

    public boolean booleanValue() {
        return ((boolean[]) scalarData(DataType.BOOL))[0];
    }

    public byte[] bytesValue() {
        return ((byte[][]) scalarData(DataType.STRING))[0].clone();
    }

    /** Copies the values into {@code dst}, a Java array of the tensor's shape and element type; returns it. */
    public <U> U copyTo(U dst) {
        checkOpen();
        if (shape.length == 0) {
            throw new IllegalArgumentException("copyTo() is not meant for scalar Tensors, use the scalar accessor "
                    + "(floatValue(), intValue() etc.) instead");
        }
        Class<?> want = dtype == DataType.STRING ? byte[].class : primitive(dtype);
        int rank = rank(dst.getClass()) - (dtype == DataType.STRING ? 1 : 0);
        if (rank != shape.length || baseClassOf(dst.getClass(), shape.length) != want) {
            throw new IllegalArgumentException("cannot copy Tensor with " + shape.length + " dimensions and type "
                    + dtype + " into an object of type " + dst.getClass().getSimpleName());
        }
        long[] dims = dimensions(dst, shape.length);
        if (!Arrays.equals(dims, shape)) {
            throw new IllegalArgumentException("cannot copy Tensor with shape " + Arrays.toString(shape)
                    + " into an object with shape " + Arrays.toString(dims));
        }
        fill(dst, 0, new int[] {0});
        return dst;
    }

    public void writeTo(IntBuffer dst) {
        dst.put((int[]) typed(DataType.INT32));
    }

    public void writeTo(FloatBuffer dst) {
        dst.put((float[]) typed(DataType.FLOAT));
    }

    public void writeTo(DoubleBuffer dst) {
        dst.put((double[]) typed(DataType.DOUBLE));
    }

    public void writeTo(LongBuffer dst) {
        dst.put((long[]) typed(DataType.INT64));
    }

    /** Writes the raw element bytes in native byte order (not for strings). */
    public void writeTo(ByteBuffer dst) {
        checkOpen();
        ByteBuffer b = dst.duplicate().order(ByteOrder.nativeOrder());
        switch (dtype) {
            case FLOAT: b.asFloatBuffer().put((float[]) data); break;
            case DOUBLE: b.asDoubleBuffer().put((double[]) data); break;
            case INT32: b.asIntBuffer().put((int[]) data); break;
            case INT64: b.asLongBuffer().put((long[]) data); break;
            case UINT8: b.put((byte[]) data); break;
            case BOOL: for (boolean z : (boolean[]) data) {
                b.put((byte) (z ? 1 : 0));
            }
                break;
            default: throw new IllegalArgumentException("writeTo(ByteBuffer) is not supported for STRING tensors");
        }
        dst.position(dst.position() + numBytes());
    }

    @Override
    public String toString() {
        return String.format("%s tensor with shape %s", dtype.toString(), Arrays.toString(shape));
    }

    // ---------------------------------------------------------------- the modern tensors tfcompat runs on

    /** Engine internal: the same values as a tfcompat tensor (a copy). */
    dev.ember.tfcompat.Tensor toModern() {
        checkOpen();
        org.tensorflow.ndarray.Shape s = org.tensorflow.ndarray.Shape.of(shape);
        switch (dtype) {
            case FLOAT: return new TFloat32Impl(((float[]) data).clone(), s);
            case DOUBLE: return new TFloat64Impl(((double[]) data).clone(), s);
            case INT32: return new TInt32Impl(((int[]) data).clone(), s);
            case INT64: return new TInt64Impl(((long[]) data).clone(), s);
            case BOOL: return new TBoolImpl(((boolean[]) data).clone(), s);
            case UINT8: return new TUint8Impl(((byte[]) data).clone(), s);
            default: {
                byte[][] b = (byte[][]) data;
                String[] v = new String[b.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = new String(b[i], StandardCharsets.UTF_8);
                }
                return new TStringImpl(v, s);
            }
        }
    }

    /** Engine internal: a legacy tensor holding a tfcompat tensor's values. */
    static Tensor<?> fromModern(dev.ember.tfcompat.Tensor t) {
        long[] shape = t.shape().asArray();
        if (t instanceof TFloat32Impl) {
            return new Tensor<Float>(DataType.FLOAT, shape, ((TFloat32Impl) t).data().clone());
        }
        if (t instanceof TFloat64Impl) {
            return new Tensor<Double>(DataType.DOUBLE, shape, ((TFloat64Impl) t).data().clone());
        }
        if (t instanceof TInt32Impl) {
            return new Tensor<Integer>(DataType.INT32, shape, ((TInt32Impl) t).data().clone());
        }
        if (t instanceof TInt64Impl) {
            return new Tensor<Long>(DataType.INT64, shape, ((TInt64Impl) t).data().clone());
        }
        if (t instanceof TBoolImpl) {
            return new Tensor<Boolean>(DataType.BOOL, shape, ((TBoolImpl) t).data().clone());
        }
        if (t instanceof TUint8Impl) {
            return new Tensor<UInt8>(DataType.UINT8, shape, ((TUint8Impl) t).data().clone());
        }
        if (t instanceof TStringImpl) {
            String[] s = ((TStringImpl) t).data();
            byte[][] b = new byte[s.length][];
            for (int i = 0; i < s.length; i++) {
                b[i] = s[i].getBytes(StandardCharsets.UTF_8);
            }
            return new Tensor<String>(DataType.STRING, shape, b);
        }
        throw new IllegalArgumentException("tensors of type " + t.dataType() + " have no TF 1.x Java form");
    }

    // ---------------------------------------------------------------- helpers

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Tensor has been closed");
        }
    }

    private Object typed(DataType want) {
        checkOpen();
        if (dtype != want) {
            throw new IllegalArgumentException("Tensor of type " + dtype + " cannot be written as " + want);
        }
        return data;
    }

    private Object scalarData(DataType want) {
        checkOpen();
        if (shape.length != 0) {
            throw new IllegalArgumentException("Tensor is not a scalar: it has shape " + Arrays.toString(shape));
        }
        if (dtype != want) {
            throw new IllegalArgumentException("Tensor is not a " + want + " scalar: it is " + dtype);
        }
        return data;
    }

    private int fill(Object dst, int depth, int[] pos) {
        int n = Array.getLength(dst);
        if (depth == shape.length - 1) {
            if (dtype == DataType.STRING) {
                for (int i = 0; i < n; i++) {
                    Array.set(dst, i, ((byte[][]) data)[pos[0]++].clone());
                }
            } else {
                System.arraycopy(data, pos[0], dst, 0, n);
                pos[0] += n;
            }
            return n;
        }
        for (int i = 0; i < n; i++) {
            fill(Array.get(dst, i), depth + 1, pos);
        }
        return n;
    }

    private static boolean isByteArray(Object obj) {
        return baseClass(obj.getClass()) == byte.class;
    }

    private static Class<?> baseClass(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    private static Class<?> baseClassOf(Class<?> c, int depth) {
        for (int i = 0; i < depth && c.isArray(); i++) {
            c = c.getComponentType();
        }
        return c;
    }

    private static int rank(Class<?> c) {
        int r = 0;
        while (c.isArray()) {
            r++;
            c = c.getComponentType();
        }
        return r;
    }

    private static DataType typeOfElement(Class<?> base, Object obj) {
        if (base == float.class || base == Float.class) {
            return DataType.FLOAT;
        }
        if (base == double.class || base == Double.class) {
            return DataType.DOUBLE;
        }
        if (base == int.class || base == Integer.class) {
            return DataType.INT32;
        }
        if (base == long.class || base == Long.class) {
            return DataType.INT64;
        }
        if (base == boolean.class || base == Boolean.class) {
            return DataType.BOOL;
        }
        throw new IllegalArgumentException("cannot create Tensors of type " + obj.getClass().getName());
    }

    private static Class<?> primitive(DataType t) {
        switch (t) {
            case FLOAT: return float.class;
            case DOUBLE: return double.class;
            case INT32: return int.class;
            case INT64: return long.class;
            case BOOL: return boolean.class;
            default: return byte.class;
        }
    }

    private static Object scalar(Object obj, DataType dt) {
        switch (dt) {
            case FLOAT: return new float[] {(Float) obj};
            case DOUBLE: return new double[] {(Double) obj};
            case INT32: return new int[] {(Integer) obj};
            case INT64: return new long[] {(Long) obj};
            default: return new boolean[] {(Boolean) obj};
        }
    }

    /** The sizes of the first {@code rank} dimensions of a rectangular array (0 below an empty one). */
    private static long[] dimensions(Object obj, int rank) {
        long[] dims = new long[rank];
        Object o = obj;
        for (int d = 0; d < rank; d++) {
            if (o == null) {
                break;
            }
            dims[d] = Array.getLength(o);
            o = dims[d] > 0 ? Array.get(o, 0) : null;
        }
        return dims;
    }

    /** The elements of a rectangular array (leaves of class {@code element}) in row-major order. */
    private static Object flatten(Object obj, long[] shape, Class<?> element) {
        int n = Math.toIntExact(count(shape));
        if (element == byte[].class) {
            List<byte[]> out = new ArrayList<>(n);
            if (shape.length == 0) {
                out.add(((byte[]) obj).clone());
            } else {
                collect(obj, shape, 0, out);
            }
            return out.toArray(new byte[0][]);
        }
        Object out = Array.newInstance(element, n);
        int[] pos = {0};
        copyIn(obj, shape, 0, out, pos);
        return out;
    }

    private static void collect(Object o, long[] shape, int depth, List<byte[]> out) {
        checkLength(o, shape, depth);
        for (int i = 0; i < shape[depth]; i++) {
            Object e = Array.get(o, i);
            if (depth == shape.length - 1) {
                out.add(((byte[]) e).clone());
            } else {
                collect(e, shape, depth + 1, out);
            }
        }
    }

    private static void copyIn(Object o, long[] shape, int depth, Object out, int[] pos) {
        checkLength(o, shape, depth);
        if (depth == shape.length - 1) {
            System.arraycopy(o, 0, out, pos[0], (int) shape[depth]);
            pos[0] += (int) shape[depth];
            return;
        }
        for (int i = 0; i < shape[depth]; i++) {
            copyIn(Array.get(o, i), shape, depth + 1, out, pos);
        }
    }

    private static void checkLength(Object o, long[] shape, int depth) {
        if (o == null || Array.getLength(o) != shape[depth]) {
            throw new IllegalArgumentException("cannot create a Tensor from a ragged array: dimension " + depth
                    + " has " + (o == null ? "a null" : Array.getLength(o) + " elements in one place and " + shape[depth]
                    + " in another"));
        }
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static int checkSize(long[] shape, int available) {
        long n = count(shape);
        if (n != available) {
            throw new IllegalArgumentException("buffer with " + available + " elements is not compatible with a Tensor "
                    + "with shape " + Arrays.toString(shape));
        }
        return (int) n;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }
}
