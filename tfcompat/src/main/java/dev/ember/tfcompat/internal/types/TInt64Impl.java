package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.LongDenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TInt64} over a Java {@code long[]} (row-major). */
public final class TInt64Impl extends LongDenseNdArray implements TInt64 {
    private final long[] data;
    private boolean closed;

    public TInt64Impl(long[] data, Shape shape) {
        super(DataBuffers.of(data, false, false), shape);
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("TInt64: " + data.length + " values for shape " + shape);
        }
        this.data = data;
    }

    /** The backing array (not a copy); engine internal. */
    public long[] data() {
        checkOpen();
        return data;
    }

    @Override
    public long[] copyToLongArray() {
        checkOpen();
        return data.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DT_INT64;
    }

    @Override
    public long numBytes() {
        return (long) data.length * TypeInfo.of(TInt64.class).byteSize();
    }

    @Override
    public Class<? extends TType> type() {
        return TInt64.class;
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
            throw new IllegalStateException("TInt64 tensor has been closed");
        }
    }

    @Override
    public String toString() {
        return "TInt64" + shape();
    }
}
