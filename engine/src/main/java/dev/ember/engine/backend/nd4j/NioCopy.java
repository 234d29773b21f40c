package dev.ember.engine.backend.nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major copy of a strided view as a loop over NIO views of the native memory. It merges dimensions
 * that are contiguous in the source, copies unit-stride rows in bulk and walks the last two dimensions in
 * square tiles otherwise, so a transpose reads and writes whole cache lines. Against libnd4j 1.0.0-M2.1's
 * {@code dup('c')} in the same runs (machine under load ~7, so rough): a transposed 2048x2048 float32
 * 19-42 ms vs 27-60 ms; a 3x3x256x256 HWIO -> OIHW permute 2-5 ms vs 10-30 ms (a checkpoint import does
 * both for every Dense and Conv kernel). Elements are copied as raw bits.
 * Handles 1-, 4- and 8-byte element types (every engine dtype) up to 2^31 elements; returns {@code null}
 * otherwise, for the caller's fallback.
 */
final class NioCopy {
    private static final int TILE = 32;
    private static final int BULK_ROW = 16;

    private NioCopy() {
    }

    /** A new dense row-major copy of {@code x}, or {@code null} when this loop does not handle it. */
    static INDArray contiguous(INDArray x) {
        DataType t = x.dataType();
        int size = t.width();
        long n = x.length();
        if (size != 1 && size != 4 && size != 8 || t == DataType.UTF8 || n <= 0 || n > Integer.MAX_VALUE) {
            return null;
        }
        long[] shape = x.shape();
        long[] stride = x.stride();
        // The NIO view of a view's buffer starts at the underlying allocation: x.offset() is where x starts.
        ByteBuffer srcBytes = x.data().asNio().order(ByteOrder.nativeOrder());
        long last = x.offset();
        for (int k = 0; k < shape.length; k++) {
            if (stride[k] < 0) {
                return null;
            }
            last += (shape[k] - 1) * stride[k];
        }
        if (x.offset() < 0 || (last + 1) * size > srcBytes.capacity()) {
            return null;
        }
        // Drop unit dimensions; merge a dimension into the next when the source is contiguous across them.
        int r = 0;
        long[] s = new long[shape.length];
        long[] st = new long[shape.length];
        for (int k = 0; k < shape.length; k++) {
            if (shape[k] == 1) {
                continue;
            }
            if (r > 0 && st[r - 1] == stride[k] * shape[k]) {
                s[r - 1] *= shape[k];
                st[r - 1] = stride[k];
            } else {
                s[r] = shape[k];
                st[r] = stride[k];
                r++;
            }
        }
        INDArray out = Nd4j.createUninitialized(t, shape.clone());
        ByteBuffer outBytes = out.data().asNio().order(ByteOrder.nativeOrder());
        Copier c = size == 1 ? new Copier1(srcBytes, outBytes)
                : size == 4 ? new Copier4(srcBytes, outBytes) : new Copier8(srcBytes, outBytes);
        int off = (int) x.offset();
        if (r == 0) {
            c.row(off, 1, 0, 1);
            return out;
        }
        if (r == 1) {
            c.row(off, (int) st[0], 0, (int) s[0]);
            return out;
        }
        int rows = (int) s[r - 2];
        int cols = (int) s[r - 1];
        int rs = (int) st[r - 2];
        int cs = (int) st[r - 1];
        int outer = (int) (n / ((long) rows * cols));
        int[] idx = new int[r - 2];
        int base = off;
        for (int b = 0, o = 0; b < outer; b++, o += rows * cols) {
            if (cs == 1) {
                for (int i = 0; i < rows; i++) {
                    c.row(base + i * rs, 1, o + i * cols, cols);
                }
            } else {
                c.tiles(base, rs, cs, o, rows, cols);
            }
            for (int k = r - 3; k >= 0; k--) {
                idx[k]++;
                base += (int) st[k];
                if (idx[k] < s[k]) {
                    break;
                }
                base -= (int) (st[k] * s[k]);
                idx[k] = 0;
            }
        }
        return out;
    }

    /** Copies for one element width. */
    private abstract static class Copier {
        /** {@code n} elements from {@code src} (step {@code step}) to {@code out[o...]}. */
        abstract void row(int src, int step, int o, int n);

        /** One {@code rows x cols} block (source strides {@code rs}, {@code cs}) to {@code out[o...]}, tiled. */
        void tiles(int src, int rs, int cs, int o, int rows, int cols) {
            for (int i0 = 0; i0 < rows; i0 += TILE) {
                int i1 = Math.min(rows, i0 + TILE);
                for (int j0 = 0; j0 < cols; j0 += TILE) {
                    int j1 = Math.min(cols, j0 + TILE);
                    for (int i = i0; i < i1; i++) {
                        copy(src + i * rs + j0 * cs, cs, o + i * cols + j0, j1 - j0);
                    }
                }
            }
        }

        /** Element-wise {@link #row}. */
        abstract void copy(int src, int step, int o, int n);
    }

    private static final class Copier1 extends Copier {
        private final ByteBuffer src;
        private final ByteBuffer out;

        Copier1(ByteBuffer src, ByteBuffer out) {
            this.src = src;
            this.out = out;
        }

        @Override
        void row(int from, int step, int o, int n) {
            if (step == 1 && n >= BULK_ROW) {
                out.put(o, src, from, n);
            } else {
                copy(from, step, o, n);
            }
        }

        @Override
        void copy(int from, int step, int o, int n) {
            for (int j = 0; j < n; j++) {
                out.put(o + j, src.get(from + j * step));
            }
        }
    }

    private static final class Copier4 extends Copier {
        private final IntBuffer src;
        private final IntBuffer out;

        Copier4(ByteBuffer src, ByteBuffer out) {
            this.src = src.asIntBuffer();
            this.out = out.asIntBuffer();
        }

        @Override
        void row(int from, int step, int o, int n) {
            if (step == 1 && n >= BULK_ROW) {
                out.put(o, src, from, n);
            } else {
                copy(from, step, o, n);
            }
        }

        @Override
        void copy(int from, int step, int o, int n) {
            for (int j = 0; j < n; j++) {
                out.put(o + j, src.get(from + j * step));
            }
        }
    }

    private static final class Copier8 extends Copier {
        private final LongBuffer src;
        private final LongBuffer out;

        Copier8(ByteBuffer src, ByteBuffer out) {
            this.src = src.asLongBuffer();
            this.out = out.asLongBuffer();
        }

        @Override
        void row(int from, int step, int o, int n) {
            if (step == 1 && n >= BULK_ROW) {
                out.put(o, src, from, n);
            } else {
                copy(from, step, o, n);
            }
        }

        @Override
        void copy(int from, int step, int o, int n) {
            for (int j = 0; j < n; j++) {
                out.put(o + j, src.get(from + j * step));
            }
        }
    }
}
