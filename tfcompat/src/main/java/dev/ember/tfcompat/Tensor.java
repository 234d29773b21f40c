package dev.ember.tfcompat;

import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.Shaped;
import org.tensorflow.proto.DataType;

/**
 * A host tensor fed to or fetched from a session; mirrors {@code org.tensorflow.Tensor}. The typed
 * tensors ({@code TFloat32}, {@code TInt64}, ...) implement it together with TF-Java's ndarray
 * interfaces, so code reading values ({@code getFloat(0, 1)}, {@code StdArrays.ndCopyOf}) is unchanged.
 * Values live in Java memory; {@link #close()} is accepted for compatibility and frees nothing native.
 */
public interface Tensor extends Shaped, AutoCloseable {

    /** A zero-filled tensor of {@code type} and {@code shape}; mirrors {@code Tensor.of(Class, Shape)}. */
    static <T extends TType> T of(Class<T> type, Shape shape) {
        return TypeInfo.of(type).zeros(shape);
    }

    /** A tensor of {@code type} and {@code shape} filled by {@code init}; mirrors {@code Tensor.of(Class, Shape, Consumer)}. */
    static <T extends TType> T of(Class<T> type, Shape shape, java.util.function.Consumer<T> init) {
        T t = of(type, shape);
        init.accept(t);
        return t;
    }

    /** The element type, as TF's {@code DataType} enum. */
    DataType dataType();

    /** Size in bytes of the elements. */
    long numBytes();

    /** The dimensions. */
    @Override
    Shape shape();

    /** {@code true} after {@link #close()}. */
    boolean isClosed();

    /** Marks the tensor closed; later reads fail like TF's. Frees nothing (values are on the Java heap). */
    @Override
    void close();
}
