package dev.ember.engine.backend;

import dev.ember.engine.DType;
import java.nio.ByteBuffer;

/** Creating arrays and moving data between arrays and Java memory. */
public interface CreationKernels {
    /** An array of zeros. */
    Array zeros(long[] shape, DType dtype);

    /** An array filled with {@code value}. */
    Array full(long[] shape, double value, DType dtype);

    /** {@code start, start+step, ...} while below {@code end} (above, for a negative step). */
    Array arange(double start, double end, double step, DType dtype);

    /** {@code steps} evenly spaced values from {@code start} to {@code end} inclusive. */
    Array linspace(double start, double end, long steps, DType dtype);

    /** An {@code n x m} matrix with ones on the diagonal. */
    Array eye(long n, long m, DType dtype);

    /** An array of {@code dtype} holding {@code data} (row-major) converted to that dtype. */
    Array fromDoubles(double[] data, long[] shape, DType dtype);

    /** A float32 array holding {@code data} (row-major). */
    Array fromFloats(float[] data, long[] shape);

    /** An int64 (or int32) array holding {@code data} (row-major). */
    Array fromLongs(long[] data, long[] shape, DType dtype);

    /** An int32 array holding {@code data} (row-major). */
    Array fromInts(int[] data, long[] shape);

    /** A bool array holding {@code data} (row-major). */
    Array fromBooleans(boolean[] data, long[] shape);

    /** An array read from little-endian element bytes (row-major); the buffer is not kept. */
    Array fromBytes(ByteBuffer littleEndian, long[] shape, DType dtype);

    /** All elements in row-major order, converted to double. */
    double[] toDoubles(Array a);

    /** All elements in row-major order, converted to float. */
    float[] toFloats(Array a);

    /** All elements in row-major order, converted to long (floats truncate toward zero). */
    long[] toLongs(Array a);

    /** All elements in row-major order as little-endian bytes of the array's dtype. */
    ByteBuffer toBytes(Array a);

    /** The element at a flat row-major index, as a double. */
    double getDouble(Array a, long flatIndex);
}
