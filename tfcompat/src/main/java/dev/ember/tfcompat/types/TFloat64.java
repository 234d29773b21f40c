package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TFloat64Impl;
import dev.ember.tfcompat.types.family.TFloating;
import org.tensorflow.ndarray.DoubleNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of double values; mirrors {@code org.tensorflow.types.TFloat64}. */
public interface TFloat64 extends DoubleNdArray, TFloating {

    /** A scalar; mirrors {@code TFloat64.scalarOf}. */
    static TFloat64 scalarOf(double value) {
        TFloat64 t = tensorOf(Shape.scalar());
        t.setDouble(value);
        return t;
    }

    /** A vector; mirrors {@code TFloat64.vectorOf}. */
    static TFloat64 vectorOf(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("TFloat64.vectorOf: values must not be null");
        }
        return new TFloat64Impl(values.clone(), Shape.of(values.length));
    }

    /** A copy of {@code src}; mirrors {@code TFloat64.tensorOf(NdArray)}. */
    static TFloat64 tensorOf(NdArray<Double> src) {
        TFloat64 t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    /** Zeros of {@code shape}; mirrors {@code TFloat64.tensorOf(Shape)}. */
    static TFloat64 tensorOf(Shape shape) {
        return new TFloat64Impl(new double[Math.toIntExact(shape.size())], shape);
    }

    /** A tensor of {@code shape} filled by {@code init}; mirrors {@code TFloat64.tensorOf(Shape, Consumer)}. */
    static TFloat64 tensorOf(Shape shape, java.util.function.Consumer<TFloat64> init) {
        TFloat64 t = tensorOf(shape);
        init.accept(t);
        return t;
    }

    /** The double values in row-major order (a copy); Ember's shortcut for {@code StdArrays}. */
    double[] copyToDoubleArray();
}
