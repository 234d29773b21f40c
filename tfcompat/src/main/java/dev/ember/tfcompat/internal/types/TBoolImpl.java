package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.BooleanDenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TBool} over a Java {@code boolean[]} (row-major). */
public final class TBoolImpl extends BooleanDenseNdArray implements TBool {
    private final boolean[] data;
    private boolean closed;

    public TBoolImpl(boolean[] data, Shape shape) {
        super(DataBuffers.of(data, false, false), shape);
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("TBool: " + data.length + " values for shape " + shape);
        }
        this.data = data;
    }

    /** The backing array (not a copy); engine internal. */
    public boolean[] data() {
        checkOpen();
        return data;
    }

    @Override
    public boolean[] copyToBooleanArray() {
        checkOpen();
        return data.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DT_BOOL;
    }

    @Override
    public long numBytes() {
        return (long) data.length * TypeInfo.of(TBool.class).byteSize();
    }

    @Override
    public Class<? extends TType> type() {
        return TBool.class;
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
            throw new IllegalStateException("TBool tensor has been closed");
        }
    }

    @Override
    public String toString() {
        return "TBool" + shape();
    }
}
