package dev.ember.engine.backend.nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a dense (row-major, offset 0) float32 or float64 array through an NIO view of
 * its native memory, for the loop kernels (pooling, depthwise convolution). Up to 2^31 elements.
 */
final class NioValues {
    private final FloatBuffer f;
    private final DoubleBuffer d;

    NioValues(INDArray a) {
        if (a.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("nn loop kernels: arrays of more than 2^31 elements are not supported, got "
                    + java.util.Arrays.toString(a.shape()));
        }
        this.f = a.dataType() == DataType.FLOAT ? a.data().asNioFloat() : null;
        this.d = f == null ? a.data().asNioDouble() : null;
    }

    double get(int i) {
        return f != null ? f.get(i) : d.get(i);
    }

    void set(int i, double v) {
        if (f != null) {
            f.put(i, (float) v);
        } else {
            d.put(i, v);
        }
    }
}
