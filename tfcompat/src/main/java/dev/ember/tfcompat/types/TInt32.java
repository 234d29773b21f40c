package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TInt32Impl;
import dev.ember.tfcompat.types.family.TIntegral;
import org.tensorflow.ndarray.IntNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of int values; mirrors {@code org.tensorflow.types.TInt32}. */
public interface TInt32 extends IntNdArray, TIntegral {

    /** A scalar; mirrors {@code TInt32.scalarOf}. */
    static TInt32 scalarOf(int value) {
        TInt32 t = tensorOf(Shape.scalar());
        t.setInt(value);
        return t;
    }

    /** A vector; mirrors {@code TInt32.vectorOf}. */
    static TInt32 vectorOf(int... values) {
        if (values == null) {
            throw new IllegalArgumentException("TInt32.vectorOf: values must not be null");
        }
        return new TInt32Impl(values.clone(), Shape.of(values.length));
    }

    /** A copy of {@code src}; mirrors {@code TInt32.tensorOf(NdArray)}. */
    static TInt32 tensorOf(NdArray<Integer> src) {
        TInt32 t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    /** Zeros of {@code shape}; mirrors {@code TInt32.tensorOf(Shape)}. */
    static TInt32 tensorOf(Shape shape) {
        return new TInt32Impl(new int[Math.toIntExact(shape.size())], shape);
    }

    /** A tensor of {@code shape} filled by {@code init}; mirrors {@code TInt32.tensorOf(Shape, Consumer)}. */
    static TInt32 tensorOf(Shape shape, java.util.function.Consumer<TInt32> init) {
        TInt32 t = tensorOf(shape);
        init.accept(t);
        return t;
    }

    /** The int values in row-major order (a copy); Ember's shortcut for {@code StdArrays}. */
    int[] copyToIntArray();
}
