package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.DoubleDenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TFloat64} over a Java {@code double[]} (row-major). */
public final class TFloat64Impl extends DoubleDenseNdArray implements TFloat64 {
    private final double[] data;
    private boolean closed;

    public TFloat64Impl(double[] data, Shape shape) {
        super(DataBuffers.of(data, false, false), shape);
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("TFloat64: " + data.length + " values for shape " + shape);
        }
        this.data = data;
    }

    /** The backing array (not a copy); engine internal. */
    public double[] data() {
        checkOpen();
        return data;
    }

    @Override
    public double[] copyToDoubleArray() {
        checkOpen();
        return data.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DT_DOUBLE;
    }

    @Override
    public long numBytes() {
        return (long) data.length * TypeInfo.of(TFloat64.class).byteSize();
    }

    @Override
    public Class<? extends TType> type() {
        return TFloat64.class;
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
            throw new IllegalStateException("TFloat64 tensor has been closed");
        }
    }

    @Override
    public String toString() {
        return "TFloat64" + shape();
    }
}
