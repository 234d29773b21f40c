package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TFloat32Impl;
import dev.ember.tfcompat.types.family.TFloating;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of float values; mirrors {@code org.tensorflow.types.TFloat32}. */
public interface TFloat32 extends FloatNdArray, TFloating {

    /** A scalar; mirrors {@code TFloat32.scalarOf}. */
    static TFloat32 scalarOf(float value) {
        TFloat32 t = tensorOf(Shape.scalar());
        t.setFloat(value);
        return t;
    }

    /** A vector; mirrors {@code TFloat32.vectorOf}. */
    static TFloat32 vectorOf(float... values) {
        if (values == null) {
            throw new IllegalArgumentException("TFloat32.vectorOf: values must not be null");
        }
        return new TFloat32Impl(values.clone(), Shape.of(values.length));
    }

    /** A copy of {@code src}; mirrors {@code TFloat32.tensorOf(NdArray)}. */
    static TFloat32 tensorOf(NdArray<Float> src) {
        TFloat32 t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    /** Zeros of {@code shape}; mirrors {@code TFloat32.tensorOf(Shape)}. */
    static TFloat32 tensorOf(Shape shape) {
        return new TFloat32Impl(new float[Math.toIntExact(shape.size())], shape);
    }

    /** A tensor of {@code shape} filled by {@code init}; mirrors {@code TFloat32.tensorOf(Shape, Consumer)}. */
    static TFloat32 tensorOf(Shape shape, java.util.function.Consumer<TFloat32> init) {
        TFloat32 t = tensorOf(shape);
        init.accept(t);
        return t;
    }

    /** The float values in row-major order (a copy); Ember's shortcut for {@code StdArrays}. */
    float[] copyToFloatArray();
}
