package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TInt64Impl;
import dev.ember.tfcompat.types.family.TIntegral;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of long values; mirrors {@code org.tensorflow.types.TInt64}. */
public interface TInt64 extends LongNdArray, TIntegral {

    /** A scalar; mirrors {@code TInt64.scalarOf}. */
    static TInt64 scalarOf(long value) {
        TInt64 t = tensorOf(Shape.scalar());
        t.setLong(value);
        return t;
    }

    /** A vector; mirrors {@code TInt64.vectorOf}. */
    static TInt64 vectorOf(long... values) {
        if (values == null) {
            throw new IllegalArgumentException("TInt64.vectorOf: values must not be null");
        }
        return new TInt64Impl(values.clone(), Shape.of(values.length));
    }

    /** A copy of {@code src}; mirrors {@code TInt64.tensorOf(NdArray)}. */
    static TInt64 tensorOf(NdArray<Long> src) {
        TInt64 t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    /** Zeros of {@code shape}; mirrors {@code TInt64.tensorOf(Shape)}. */
    static TInt64 tensorOf(Shape shape) {
        return new TInt64Impl(new long[Math.toIntExact(shape.size())], shape);
    }

    /** A tensor of {@code shape} filled by {@code init}; mirrors {@code TInt64.tensorOf(Shape, Consumer)}. */
    static TInt64 tensorOf(Shape shape, java.util.function.Consumer<TInt64> init) {
        TInt64 t = tensorOf(shape);
        init.accept(t);
        return t;
    }

    /** The long values in row-major order (a copy); Ember's shortcut for {@code StdArrays}. */
    long[] copyToLongArray();
}
