package dev.ember.tfcompat.legacy;

import dev.ember.tfcompat.legacy.types.UInt8;

/** The element types of legacy tensors; mirrors libtensorflow 1.15's {@code org.tensorflow.DataType}. */
public enum DataType {
    FLOAT(org.tensorflow.proto.DataType.DT_FLOAT, 4),
    DOUBLE(org.tensorflow.proto.DataType.DT_DOUBLE, 8),
    INT32(org.tensorflow.proto.DataType.DT_INT32, 4),
    UINT8(org.tensorflow.proto.DataType.DT_UINT8, 1),
    STRING(org.tensorflow.proto.DataType.DT_STRING, -1),
    INT64(org.tensorflow.proto.DataType.DT_INT64, 8),
    BOOL(org.tensorflow.proto.DataType.DT_BOOL, 1);

    private final org.tensorflow.proto.DataType proto;
    private final int byteSize;

    DataType(org.tensorflow.proto.DataType proto, int byteSize) {
        this.proto = proto;
        this.byteSize = byteSize;
    }

    /** Bytes per element, or -1 for variable-length strings. */
    public int byteSize() {
        return byteSize;
    }

    /** The type of tensors whose element class is {@code c} ({@code Float.class} is FLOAT, ...). */
    public static DataType fromClass(Class<?> c) {
        if (c == Float.class) {
            return FLOAT;
        }
        if (c == Double.class) {
            return DOUBLE;
        }
        if (c == Integer.class) {
            return INT32;
        }
        if (c == UInt8.class) {
            return UINT8;
        }
        if (c == String.class) {
            return STRING;
        }
        if (c == Long.class) {
            return INT64;
        }
        if (c == Boolean.class) {
            return BOOL;
        }
        throw new IllegalArgumentException("cannot create DataType for unknown Java class " + c.getName());
    }

    /** Engine internal: the {@code DataType} proto value. */
    org.tensorflow.proto.DataType proto() {
        return proto;
    }

    static DataType of(org.tensorflow.proto.DataType proto) {
        for (DataType t : values()) {
            if (t.proto == proto) {
                return t;
            }
        }
        throw new IllegalArgumentException("DataType " + proto + " is not supported by the TensorFlow 1.x Java API");
    }
}
