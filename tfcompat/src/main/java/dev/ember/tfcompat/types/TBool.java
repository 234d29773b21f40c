package dev.ember.tfcompat.types;

import dev.ember.tfcompat.internal.types.TBoolImpl;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.BooleanNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A tensor of boolean values; mirrors {@code org.tensorflow.types.TBool}. */
public interface TBool extends BooleanNdArray, TType {

    /** A scalar; mirrors {@code TBool.scalarOf}. */
    static TBool scalarOf(boolean value) {
        TBool t = tensorOf(Shape.scalar());
        t.setBoolean(value);
        return t;
    }

    /** A vector; mirrors {@code TBool.vectorOf}. */
    static TBool vectorOf(boolean... values) {
        if (values == null) {
            throw new IllegalArgumentException("TBool.vectorOf: values must not be null");
        }
        return new TBoolImpl(values.clone(), Shape.of(values.length));
    }

    /** A copy of {@code src}; mirrors {@code TBool.tensorOf(NdArray)}. */
    static TBool tensorOf(NdArray<Boolean> src) {
        TBool t = tensorOf(src.shape());
        src.copyTo(t);
        return t;
    }

    /** Zeros of {@code shape}; mirrors {@code TBool.tensorOf(Shape)}. */
    static TBool tensorOf(Shape shape) {
        return new TBoolImpl(new boolean[Math.toIntExact(shape.size())], shape);
    }

    /** A tensor of {@code shape} filled by {@code init}; mirrors {@code TBool.tensorOf(Shape, Consumer)}. */
    static TBool tensorOf(Shape shape, java.util.function.Consumer<TBool> init) {
        TBool t = tensorOf(shape);
        init.accept(t);
        return t;
    }

    /** The boolean values in row-major order (a copy); Ember's shortcut for {@code StdArrays}. */
    boolean[] copyToBooleanArray();
}
