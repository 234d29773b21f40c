package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TUint8Impl;
import dev.ember.tfcompat.types.family.TIntegral;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of byte values; mirrors {@code org.tensorflow.types.TUint8}. */
public interface TUint8 extends ByteNdArray, TIntegral {

    /** A scalar; mirrors {@code TUint8.scalarOf}. */
    static TUint8 scalarOf(byte value) {
        TUint8 t = tensorOf(Shape.scalar());
        t.setByte(value);
        return t;
    }

    /** A vector; mirrors {@code TUint8.vectorOf}. */
    static TUint8 vectorOf(byte... values) {
        if (values == null) {
            throw new IllegalArgumentException("TUint8.vectorOf: values must not be null");
        }
        return new TUint8Impl(values.clone(), Shape.of(values.length));
    }

    /** A copy of {@code src}; mirrors {@code TUint8.tensorOf(NdArray)}. */
    static TUint8 tensorOf(NdArray<Byte> src) {
        TUint8 t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    /** Zeros of {@code shape}; mirrors {@code TUint8.tensorOf(Shape)}. */
    static TUint8 tensorOf(Shape shape) {
        return new TUint8Impl(new byte[Math.toIntExact(shape.size())], shape);
    }

    /** A tensor of {@code shape} filled by {@code init}; mirrors {@code TUint8.tensorOf(Shape, Consumer)}. */
    static TUint8 tensorOf(Shape shape, java.util.function.Consumer<TUint8> init) {
        TUint8 t = tensorOf(shape);
        init.accept(t);
        return t;
    }

    /** The byte values in row-major order (a copy); Ember's shortcut for {@code StdArrays}. */
    byte[] copyToByteArray();
}
