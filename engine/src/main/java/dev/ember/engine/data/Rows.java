package dev.ember.engine.data;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tensor's values kept as row-major little-endian bytes, so rows can be cut out and batches
 * assembled in Java memory (one native allocation per batch) without tensor ops.
 */
final class Rows {
    final DType dtype;
    final long[] rowShape;
    final int rowBytes;
    private final byte[] data;

    private Rows(DType dtype, long[] rowShape, int rowBytes, byte[] data) {
        this.dtype = dtype;
        this.rowShape = rowShape;
        this.rowBytes = rowBytes;
        this.data = data;
    }

    /** The rows of {@code t} along dimension 0 (which must exist). */
    static Rows of(Tensor t) {
        long[] shape = t.shape();
        ByteBuffer b = t.toBytes();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        int rows = (int) shape[0];
        return new Rows(t.dtype(), Arrays.copyOfRange(shape, 1, shape.length),
                rows == 0 ? 0 : data.length / rows, data);
    }

    /** Row {@code i} as a new tensor. */
    Tensor row(int i) {
        return Tensor.fromBytes(ByteBuffer.wrap(data, i * rowBytes, rowBytes), dtype, rowShape);
    }

    /** Rows {@code indices} stacked along a new dimension 0. */
    Tensor gather(int[] indices) {
        byte[] out = new byte[indices.length * rowBytes];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(data, indices[k] * rowBytes, out, k * rowBytes, rowBytes);
        }
        return Tensor.fromBytes(ByteBuffer.wrap(out), dtype, batchShape(indices.length, rowShape));
    }

    static long[] batchShape(int n, long[] rowShape) {
        long[] s = new long[rowShape.length + 1];
        s[0] = n;
        System.arraycopy(rowShape, 0, s, 1, rowShape.length);
        return s;
    }
}
