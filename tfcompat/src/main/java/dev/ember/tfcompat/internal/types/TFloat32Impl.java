package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.FloatDenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TFloat32} over a Java {@code float[]} (row-major). */
public final class TFloat32Impl extends FloatDenseNdArray implements TFloat32 {
    private final float[] data;
    private boolean closed;

    public TFloat32Impl(float[] data, Shape shape) {
        super(DataBuffers.of(data, false, false), shape);
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("TFloat32: " + data.length + " values for shape " + shape);
        }
        this.data = data;
    }

    /** The backing array (not a copy); engine internal. */
    public float[] data() {
        checkOpen();
        return data;
    }

    @Override
    public float[] copyToFloatArray() {
        checkOpen();
        return data.clone();
    }

    @Override
    public DataType dataType() {
        return DataType.DT_FLOAT;
    }

    @Override
    public long numBytes() {
        return (long) data.length * TypeInfo.of(TFloat32.class).byteSize();
    }

    @Override
    public Class<? extends TType> type() {
        return TFloat32.class;
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
            throw new IllegalStateException("TFloat32 tensor has been closed");
        }
    }

    @Override
    public String toString() {
        return "TFloat32" + shape();
    }
}
