package dev.ember.engine;

import java.util.Locale;

/**
 * Element types of a {@link Tensor}; mirrors {@code torch.float32}, {@code torch.float64},
 * {@code torch.int32}, {@code torch.int64} and {@code torch.bool}.
 *
 * <p>Binary ops promote like PyTorch: bool &lt; int32 &lt; int64 &lt; float32 &lt; float64, so an
 * int tensor combined with a float tensor gives the float dtype.
 */
public enum DType {
    BOOL("bool", 1, false),
    INT32("int32", 4, false),
    INT64("int64", 8, false),
    FLOAT32("float32", 4, true),
    FLOAT64("float64", 8, true);

    private final String torchName;
    private final int byteSize;
    private final boolean floating;

    DType(String torchName, int byteSize, boolean floating) {
        this.torchName = torchName;
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /** The default dtype of tensors created from floating-point values, as in PyTorch. */
    public static DType defaultFloat() {
        return FLOAT32;
    }

    /** {@code true} for float32 and float64: the dtypes that can require gradients. */
    public boolean isFloatingPoint() {
        return floating;
    }

    /** {@code true} for int32 and int64. */
    public boolean isIntegral() {
        return this == INT32 || this == INT64;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** The name PyTorch prints, e.g. {@code float32}. */
    public String torchName() {
        return torchName;
    }

    /** The dtype of {@code a op b} under PyTorch's promotion for two tensors. */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Parses {@code float32}, {@code torch.float32}, {@code float}, {@code long}, ... */
    public static DType parse(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("torch.", "");
        switch (n) {
            case "float32": case "float": return FLOAT32;
            case "float64": case "double": return FLOAT64;
            case "int32": case "int": return INT32;
            case "int64": case "long": return INT64;
            case "bool": return BOOL;
            default:
                throw new IllegalArgumentException("Unknown dtype '" + name
                        + "'; expected one of float32, float64, int32, int64, bool");
        }
    }

    @Override
    public String toString() {
        return torchName;
    }
}
