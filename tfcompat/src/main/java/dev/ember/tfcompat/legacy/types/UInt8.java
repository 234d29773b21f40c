package dev.ember.tfcompat.legacy.types;

/** Marker for 8-bit unsigned integer tensors ({@code Tensor<UInt8>}); mirrors {@code org.tensorflow.types.UInt8}. */
public class UInt8 extends Number {
    private static final long serialVersionUID = 1L;

    private UInt8() {
    }

    @Override
    public double doubleValue() {
        return 0;
    }

    @Override
    public float floatValue() {
        return 0;
    }

    @Override
    public int intValue() {
        return 0;
    }

    @Override
    public long longValue() {
        return 0;
    }
}
