package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.DType;

/**
 * TensorFlow's {@code DataType} enum (numbers from {@code tensorflow/core/framework/types.proto}),
 * with the engine dtype each one is read as.
 *
 * <p>float32, float64, int32, int64 and bool are read unchanged. The others widen losslessly:
 * float16 (TF {@code DT_HALF}) and bfloat16 to float32; int8, int16 and uint8 to int32; uint16 and
 * uint32 to int64; uint64 to int64 when every value is below 2^63 (else reading fails). Strings are
 * read with {@link TfCheckpoint#readStrings}. Complex, quantized, float8, 4-bit, resource and variant
 * tensors are listed but cannot be read.
 */
public enum TfDataType {
    FLOAT(1, "float32", 4, DType.FLOAT32),
    DOUBLE(2, "float64", 8, DType.FLOAT64),
    INT32(3, "int32", 4, DType.INT32),
    UINT8(4, "uint8", 1, DType.INT32),
    INT16(5, "int16", 2, DType.INT32),
    INT8(6, "int8", 1, DType.INT32),
    STRING(7, "string", 0, null),
    COMPLEX64(8, "complex64", 8, null),
    INT64(9, "int64", 8, DType.INT64),
    BOOL(10, "bool", 1, DType.BOOL),
    QINT8(11, "qint8", 1, null),
    QUINT8(12, "quint8", 1, null),
    QINT32(13, "qint32", 4, null),
    BFLOAT16(14, "bfloat16", 2, DType.FLOAT32),
    QINT16(15, "qint16", 2, null),
    QUINT16(16, "quint16", 2, null),
    UINT16(17, "uint16", 2, DType.INT64),
    COMPLEX128(18, "complex128", 16, null),
    HALF(19, "float16", 2, DType.FLOAT32),
    RESOURCE(20, "resource", 0, null),
    VARIANT(21, "variant", 0, null),
    UINT32(22, "uint32", 4, DType.INT64),
    UINT64(23, "uint64", 8, DType.INT64),
    FLOAT8_E5M2(24, "float8_e5m2", 1, null),
    FLOAT8_E4M3FN(25, "float8_e4m3fn", 1, null),
    INT4(29, "int4", 0, null),
    UINT4(30, "uint4", 0, null),
    /** A number this reader does not know (a newer TF); see {@link CheckpointEntry#dtypeNumber()}. */
    UNKNOWN(-1, "unknown", 0, null);

    private final int number;
    private final String tfName;
    private final int elementSize;
    private final DType engineType;

    TfDataType(int number, String tfName, int elementSize, DType engineType) {
        this.number = number;
        this.tfName = tfName;
        this.elementSize = elementSize;
        this.engineType = engineType;
    }

    /** The {@code DataType} enum number, e.g. 1 for {@code DT_FLOAT}; -1 for {@link #UNKNOWN}. */
    public int number() {
        return number;
    }

    /** The Python-side name, e.g. {@code float32}, {@code float16} (TF's {@code DT_HALF}), {@code bfloat16}. */
    public String tfName() {
        return tfName;
    }

    /** Bytes per element on disk; 0 for variable-size or non-tensor types (string, resource, variant, 4-bit). */
    public int elementSize() {
        return elementSize;
    }

    /** The engine dtype a tensor of this type is read as, or {@code null} when it cannot be read as numbers. */
    public DType engineType() {
        return engineType;
    }

    /** {@code true} when {@link TfCheckpoint#read} can return it as an engine tensor. */
    public boolean isNumeric() {
        return engineType != null;
    }

    /** {@code true} when reading changes the element type (e.g. float16 is read as float32). */
    public boolean isWidened() {
        return engineType != null && !engineType.torchName().equals(tfName);
    }

    /** What reading does with this type, e.g. {@code "float16, read as float32"}. */
    public String description() {
        if (this == STRING) {
            return "string, read with readStrings";
        }
        if (engineType == null) {
            return tfName + ", not readable";
        }
        if (this == UINT64) {
            return "uint64, read as int64 (fails if a value is >= 2^63)";
        }
        return isWidened() ? tfName + ", read as " + engineType.torchName() : tfName;
    }

    /** The constant for a {@code DataType} number; {@link #UNKNOWN} for numbers not listed here. */
    public static TfDataType forNumber(int number) {
        for (TfDataType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** The TF type an engine tensor of {@code dtype} is written as (exact: no conversion). */
    public static TfDataType of(DType dtype) {
        switch (dtype) {
            case FLOAT32: return FLOAT;
            case FLOAT64: return DOUBLE;
            case INT32: return INT32;
            case INT64: return INT64;
            case BOOL: return BOOL;
            default: throw new IllegalArgumentException("no TF dtype for engine dtype " + dtype);
        }
    }

    @Override
    public String toString() {
        return tfName;
    }
}
