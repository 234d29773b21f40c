package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TUint8;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.ByteDenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TUint8} over a Java {@code byte[]} (row-major). */
public final class TUint8Impl extends ByteDenseNdArray implements TUint8 {
    private final byte[] data;
    private boolean closed;

    public TUint8Impl(byte[] data, Shape shape) {
        super(DataBuffers.of(data, false, false), shape);
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("TUint8: " + data.length + " values for shape " + shape);
        }
        this.data = data;
    }

    /** The backing array (not a copy); engine internal. */
    public byte[] data() {
        checkOpen();
        return data;
    }

    @Override
    public byte[] copyToByteArray() {
        checkOpen();
        return data.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DT_UINT8;
    }

    @Override
    public long numBytes() {
        return (long) data.length * TypeInfo.of(TUint8.class).byteSize();
    }

    @Override
    public Class<? extends TType> type() {
        return TUint8.class;
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
            throw new IllegalStateException("TUint8 tensor has been closed");
        }
    }

    @Override
    public String toString() {
        return "TUint8" + shape();
    }
}
