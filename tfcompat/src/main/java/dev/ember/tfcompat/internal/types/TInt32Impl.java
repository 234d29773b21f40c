package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.IntDenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TInt32} over a Java {@code int[]} (row-major). */
public final class TInt32Impl extends IntDenseNdArray implements TInt32 {
    private final int[] data;
    private boolean closed;

    public TInt32Impl(int[] data, Shape shape) {
        super(DataBuffers.of(data, false, false), shape);
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("TInt32: " + data.length + " values for shape " + shape);
        }
        this.data = data;
    }

    /** The backing array (not a copy); engine internal. */
    public int[] data() {
        checkOpen();
        return data;
    }

    @Override
    public int[] copyToIntArray() {
        checkOpen();
        return data.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DT_INT32;
    }

    @Override
    public long numBytes() {
        return (long) data.length * TypeInfo.of(TInt32.class).byteSize();
    }

    @Override
    public Class<? extends TType> type() {
        return TInt32.class;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("TInt32 tensor has been closed");
        }
    }

    @Override
    public String toString() {
        return "TInt32" + shape();
    }
}
