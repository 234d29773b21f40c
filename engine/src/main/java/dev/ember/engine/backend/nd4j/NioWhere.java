package dev.ember.engine.backend.nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code where(cond, a, b)} as a loop over NIO views of the native memory, broadcasting by strides.
 * libnd4j 1.0.0-M2.1's {@code Where} (and {@code select}) op reads and writes every element through
 * its generic per-element accessors: 320 ms for 655,360 floats against 3 ms for this loop (W4's ReLU
 * backward, measured under load; 40% of the engine's W4 step before). Elements are copied as raw
 * bits, so NaN payloads and -0.0 pass unchanged. Handles 1-, 4- and 8-byte element types, i.e. every engine dtype (libnd4j's
 * op fails outright on BOOL operands) up to 2^31 elements; anything else (strings, operands whose dtype
 * differs from {@code out}'s, a condition that is not one byte per element) returns {@code false} for
 * the caller's fallback.
 */
final class NioWhere {
    private NioWhere() {
    }

    /**
     * Writes {@code cond ? a : b} into {@code out} (dense, the broadcast shape); {@code cond} is BOOL and
     * {@code a}, {@code b} have {@code out}'s dtype; each broadcasts to {@code out}. Returns {@code false},
     * writing nothing, when the dtypes, element size or length are not handled here.
     */
    static boolean select(INDArray cond, INDArray a, INDArray b, INDArray out) {
        DataType t = out.dataType();
        int size = t.width();
        if (size != 1 && size != 4 && size != 8 || t == DataType.UTF8
                || a.dataType() != t || b.dataType() != t
                || out.length() > Integer.MAX_VALUE || cond.dataType().width() != 1) {
            return false;
        }
        long[] shape = out.shape();
        int rank = shape.length;
        INDArray c = Nd4jNn.denseCopy(cond);
        INDArray x = Nd4jNn.denseCopy(a);
        INDArray y = Nd4jNn.denseCopy(b);
        int[] cs = strides(c, shape);
        int[] xs = strides(x, shape);
        int[] ys = strides(y, shape);
        int inner = rank == 0 ? 1 : (int) shape[rank - 1];
        int outer = inner == 0 ? 0 : (int) (out.length() / inner);
        int ci = rank == 0 ? 0 : cs[rank - 1];
        int xi = rank == 0 ? 0 : xs[rank - 1];
        int yi = rank == 0 ? 0 : ys[rank - 1];
        ByteBuffer cb = c.data().asNio();
        Rows rows = switch (size) {
            case 1 -> new Rows1(x, y, out);
            case 4 -> new Rows4(x, y, out);
            default -> new Rows8(x, y, out);
        };
        int[] idx = new int[rank];
        int co = 0;
        int xo = 0;
        int yo = 0;
        for (int row = 0, o = 0; row < outer; row++, o += inner) {
            rows.copy(cb, co, ci, xo, xi, yo, yi, o, inner);
            for (int k = rank - 2; k >= 0; k--) {
                idx[k]++;
                co += cs[k];
                xo += xs[k];
                yo += ys[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                co -= cs[k] * (int) shape[k];
                xo -= xs[k] * (int) shape[k];
                yo -= ys[k] * (int) shape[k];
                idx[k] = 0;
            }
        }
        return true;
    }

    /** Element strides of dense {@code a} read at {@code shape}: 0 along dimensions it broadcasts. */
    private static int[] strides(INDArray a, long[] shape) {
        int rank = shape.length;
        long[] s = a.shape();
        int[] st = new int[rank];
        long step = 1;
        for (int k = rank - 1; k >= 0; k--) {
            int j = k - (rank - s.length);
            long d = j < 0 ? 1 : s[j];
            st[k] = d == 1 ? 0 : (int) step;
            step *= d;
        }
        return st;
    }

    /** One row of the selection for one element width. */
    private interface Rows {
        void copy(ByteBuffer cond, int co, int ci, int xo, int xi, int yo, int yi, int o, int n);
    }

    private static final class Rows1 implements Rows {
        private final ByteBuffer x;
        private final ByteBuffer y;
        private final ByteBuffer out;

        Rows1(INDArray x, INDArray y, INDArray out) {
            this.x = x.data().asNio();
            this.y = y.data().asNio();
            this.out = out.data().asNio();
        }

        @Override
        public void copy(ByteBuffer cond, int co, int ci, int xo, int xi, int yo, int yi, int o, int n) {
            for (int j = 0; j < n; j++) {
                out.put(o + j, cond.get(co + j * ci) != 0 ? x.get(xo + j * xi) : y.get(yo + j * yi));
            }
        }
    }

    private static final class Rows4 implements Rows {
        private final IntBuffer x;
        private final IntBuffer y;
        private final IntBuffer out;

        Rows4(INDArray x, INDArray y, INDArray out) {
            this.x = x.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
            this.y = y.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
            this.out = out.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
        }

        @Override
        public void copy(ByteBuffer cond, int co, int ci, int xo, int xi, int yo, int yi, int o, int n) {
            for (int j = 0; j < n; j++) {
                out.put(o + j, cond.get(co + j * ci) != 0 ? x.get(xo + j * xi) : y.get(yo + j * yi));
            }
        }
    }

    private static final class Rows8 implements Rows {
        private final LongBuffer x;
        private final LongBuffer y;
        private final LongBuffer out;

        Rows8(INDArray x, INDArray y, INDArray out) {
            this.x = x.data().asNio().order(ByteOrder.nativeOrder()).asLongBuffer();
            this.y = y.data().asNio().order(ByteOrder.nativeOrder()).asLongBuffer();
            this.out = out.data().asNio().order(ByteOrder.nativeOrder()).asLongBuffer();
        }

        @Override
        public void copy(ByteBuffer cond, int co, int ci, int xo, int xi, int yo, int yi, int o, int n) {
            for (int j = 0; j < n; j++) {
                out.put(o + j, cond.get(co + j * ci) != 0 ? x.get(xo + j * xi) : y.get(yo + j * yi));
            }
        }
    }
}
