package dev.ember.tfcompat.internal.types;

import dev.ember.engine.DType;
import dev.ember.tfcompat.Tensor;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.TUint8;
import dev.ember.tfcompat.types.family.TType;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * One TF tensor type: its class ({@code TFloat32}), TF {@code DataType}, engine dtype, and the copies
 * between the typed host tensor and an engine tensor. uint8 runs on the engine as int32.
 */
public final class TypeInfo {
    private static final Map<Class<?>, TypeInfo> BY_CLASS = new HashMap<>();
    private static final Map<DataType, TypeInfo> BY_DTYPE = new HashMap<>();

    static {
        add(new TypeInfo(TFloat32.class, DataType.DT_FLOAT, DType.FLOAT32, 4, "float"));
        add(new TypeInfo(TFloat64.class, DataType.DT_DOUBLE, DType.FLOAT64, 8, "double"));
        add(new TypeInfo(TInt32.class, DataType.DT_INT32, DType.INT32, 4, "int32"));
        add(new TypeInfo(TInt64.class, DataType.DT_INT64, DType.INT64, 8, "int64"));
        add(new TypeInfo(TBool.class, DataType.DT_BOOL, DType.BOOL, 1, "bool"));
        add(new TypeInfo(TUint8.class, DataType.DT_UINT8, DType.INT32, 1, "uint8"));
        add(new TypeInfo(TString.class, DataType.DT_STRING, null, 0, "string"));
    }

    private final Class<? extends TType> type;
    private final DataType dataType;
    private final DType engine;
    private final int byteSize;
    private final String tfName;

    private TypeInfo(Class<? extends TType> type, DataType dataType, DType engine, int byteSize, String tfName) {
        this.type = type;
        this.dataType = dataType;
        this.engine = engine;
        this.byteSize = byteSize;
        this.tfName = tfName;
    }

    private static void add(TypeInfo t) {
        BY_CLASS.put(t.type, t);
        BY_DTYPE.put(t.dataType, t);
    }

    /** The info of a type class; throws naming it when unsupported. */
    public static TypeInfo of(Class<?> type) {
        TypeInfo t = BY_CLASS.get(type);
        if (t == null) {
            throw new IllegalArgumentException("Tensor type " + (type == null ? "null" : type.getSimpleName())
                    + " is not supported by Ember's tfcompat (supported: TFloat32, TFloat64, TInt32, TInt64, TBool, "
                    + "TUint8, TString)");
        }
        return t;
    }

    /** The info of a TF DataType; throws naming it when unsupported. */
    public static TypeInfo of(DataType dataType) {
        TypeInfo t = BY_DTYPE.get(dataType);
        if (t == null) {
            throw new IllegalArgumentException("DataType " + dataType + " is not supported by Ember's tfcompat "
                    + "(supported: float, double, int32, int64, bool, uint8, string)");
        }
        return t;
    }

    /** {@code true} when {@code dataType} has a type here. */
    public static boolean isSupported(DataType dataType) {
        return BY_DTYPE.containsKey(dataType);
    }

    /** The info for an engine dtype (int32 maps to TInt32, never TUint8). */
    public static TypeInfo ofEngine(DType dtype) {
        switch (dtype) {
            case FLOAT32: return of(TFloat32.class);
            case FLOAT64: return of(TFloat64.class);
            case INT32: return of(TInt32.class);
            case INT64: return of(TInt64.class);
            case BOOL: return of(TBool.class);
            default: throw new IllegalArgumentException("engine dtype " + dtype);
        }
    }

    public Class<? extends TType> type() {
        return type;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The engine dtype computations of this type run in ({@code null} for strings). */
    public DType engine() {
        return engine;
    }

    public int byteSize() {
        return byteSize;
    }

    /** TF's short name ({@code float}, {@code int32}), as in TF error messages. */
    public String tfName() {
        return tfName;
    }

    /** A zero tensor of this type. */
    @SuppressWarnings("unchecked")
    public <T extends TType> T zeros(Shape shape) {
        checkKnown(shape);
        int n = Math.toIntExact(shape.size());
        switch (dataType) {
            case DT_FLOAT: return (T) new TFloat32Impl(new float[n], shape);
            case DT_DOUBLE: return (T) new TFloat64Impl(new double[n], shape);
            case DT_INT32: return (T) new TInt32Impl(new int[n], shape);
            case DT_INT64: return (T) new TInt64Impl(new long[n], shape);
            case DT_BOOL: return (T) new TBoolImpl(new boolean[n], shape);
            case DT_UINT8: return (T) new TUint8Impl(new byte[n], shape);
            case DT_STRING: {
                String[] s = new String[n];
                java.util.Arrays.fill(s, "");
                return (T) new TStringImpl(s, shape);
            }
            default: throw new IllegalStateException(dataType.toString());
        }
    }

    private static void checkKnown(Shape shape) {
        if (shape.isUnknown() || shape.hasUnknownDimension()) {
            throw new IllegalArgumentException("a tensor needs a fully known shape, got " + shape);
        }
    }

    /** A host tensor of this type holding {@code t}'s values (converted to this type). */
    public TType fromEngine(dev.ember.engine.Tensor t) {
        Shape shape = Shape.of(t.shape());
        switch (dataType) {
            case DT_FLOAT: return new TFloat32Impl(t.to(DType.FLOAT32).toFloatArray(), shape);
            case DT_DOUBLE: return new TFloat64Impl(t.to(DType.FLOAT64).toDoubleArray(), shape);
            case DT_INT32: {
                long[] l = t.toLongArray();
                int[] v = new int[l.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (int) l[i];
                }
                return new TInt32Impl(v, shape);
            }
            case DT_INT64: return new TInt64Impl(t.toLongArray(), shape);
            case DT_BOOL: {
                long[] l = t.toLongArray();
                boolean[] v = new boolean[l.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = l[i] != 0;
                }
                return new TBoolImpl(v, shape);
            }
            case DT_UINT8: {
                long[] l = t.toLongArray();
                byte[] v = new byte[l.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (byte) l[i];
                }
                return new TUint8Impl(v, shape);
            }
            default: throw new IllegalArgumentException("no engine values for " + dataType);
        }
    }

    /** The engine tensor holding a host tensor's values (a copy). */
    public static dev.ember.engine.Tensor toEngine(Tensor tensor) {
        if (tensor.isClosed()) {
            throw new IllegalStateException("Tensor has been closed");
        }
        long[] shape = tensor.shape().asArray();
        if (tensor instanceof TFloat32Impl) {
            return dev.ember.engine.Tensor.fromArray(((TFloat32Impl) tensor).data().clone(), shape);
        }
        if (tensor instanceof TFloat64Impl) {
            return dev.ember.engine.Tensor.fromArray(((TFloat64Impl) tensor).data().clone(), shape);
        }
        if (tensor instanceof TInt32Impl) {
            return dev.ember.engine.Tensor.fromArray(((TInt32Impl) tensor).data().clone(), shape);
        }
        if (tensor instanceof TInt64Impl) {
            return dev.ember.engine.Tensor.fromArray(((TInt64Impl) tensor).data().clone(), shape);
        }
        if (tensor instanceof TBoolImpl) {
            return dev.ember.engine.Tensor.fromArray(((TBoolImpl) tensor).data().clone(), shape);
        }
        if (tensor instanceof TUint8Impl) {
            byte[] b = ((TUint8Impl) tensor).data();
            int[] v = new int[b.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = b[i] & 0xFF;
            }
            return dev.ember.engine.Tensor.fromArray(v, shape);
        }
        throw new IllegalArgumentException("tensors of type " + tensor.dataType() + " have no engine form");
    }
}
