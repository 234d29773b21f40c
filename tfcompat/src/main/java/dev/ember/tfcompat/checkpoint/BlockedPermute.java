package dev.ember.tfcompat.checkpoint;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@code permute(dims).contiguous()} on raw element bytes: copies a row-major tensor's elements into a
 * buffer in the row-major order of the permuted tensor (output dimension {@code k} is input dimension
 * {@code dims[k]}), as raw bits (1-, 2-, 4- or 8-byte elements; no value is interpreted). This is how
 * checkpoint import writes a Dense kernel {@code [in,out]} as a Linear weight {@code [out,in]}, or a
 * Conv2D kernel HWIO as OIHW, straight from the bytes it read.
 *
 * <p>Output dimensions of size 1 are dropped and neighbours that are contiguous in the input merged
 * (HWIO to OIHW becomes {@code [O, I, H*W]}). When the innermost output dimension is also innermost in
 * the input, whole rows are bulk-copied; otherwise the innermost output dimension and the one that is
 * innermost in the input are walked in square tiles {@value #TILE_BYTES} bytes a side, so every cache
 * line read and written is used whole. The arrays are on the Java heap: the same loops over direct
 * buffers measured 2-4 times slower (checkpoint import, 2048x2048 float32 transposes).
 */
final class BlockedPermute {

    /** Side of a tile in bytes (one cache line): a tile of 4-byte elements is 16 x 16. */
    static final int TILE_BYTES = 64;

    private BlockedPermute() {
    }

    /**
     * Copies the {@code numel(shape) * elementSize} bytes of {@code src} from {@code srcOffset}, permuted
     * by {@code dims}, to {@code dst} from {@code dstOffset}. The two must not overlap.
     */
    static void permute(byte[] src, int srcOffset, long[] shape, int[] dims, int elementSize, byte[] dst,
                        int dstOffset) {
        int rank = shape.length;
        if (dims.length != rank) {
            throw new IllegalArgumentException("permute: " + dims.length + " dims for rank " + rank);
        }
        if (elementSize != 1 && elementSize != 2 && elementSize != 4 && elementSize != 8) {
            throw new IllegalArgumentException("permute: element size " + elementSize + " bytes");
        }
        boolean[] seen = new boolean[rank];
        long[] inStride = new long[rank];
        long n = 1;
        for (int k = rank - 1; k >= 0; k--) {
            if (shape[k] < 0) {
                throw new IllegalArgumentException("permute: negative size in " + Arrays.toString(shape));
            }
            inStride[k] = n;
            n *= shape[k];
        }
        for (int d : dims) {
            if (d < 0 || d >= rank || seen[d]) {
                throw new IllegalArgumentException("permute: " + Arrays.toString(dims) + " is not a permutation of "
                        + rank + " dimensions");
            }
            seen[d] = true;
        }
        if (srcOffset < 0 || dstOffset < 0 || n * elementSize > src.length - (long) srcOffset
                || n * elementSize > dst.length - (long) dstOffset) {
            throw new IllegalArgumentException("permute: " + Arrays.toString(shape) + " x " + elementSize
                    + " bytes needs " + n * elementSize + " bytes, source has " + (src.length - (long) srcOffset)
                    + " from offset " + srcOffset + ", destination " + (dst.length - (long) dstOffset)
                    + " from offset " + dstOffset);
        }
        if (n == 0) {
            return;
        }
        // Output dims (sizes, input strides) without unit dims, merged where contiguous in the input.
        int r = 0;
        long[] size = new long[rank];
        long[] stride = new long[rank];
        for (int k = 0; k < rank; k++) {
            long s = shape[dims[k]];
            long st = inStride[dims[k]];
            if (s == 1) {
                continue;
            }
            if (r > 0 && stride[r - 1] == st * s) {
                size[r - 1] *= s;
                stride[r - 1] = st;
            } else {
                size[r] = s;
                stride[r] = st;
                r++;
            }
        }
        Copier c = new Copier(src, srcOffset, dst, dstOffset, elementSize);
        if (r == 0 || stride[r - 1] == 1) {
            copyRows(c, size, stride, r, (int) n);
        } else {
            copyTiled(c, size, stride, r, TILE_BYTES / elementSize);
        }
    }

    /** The innermost output dimension is contiguous in the input: bulk row copies. */
    private static void copyRows(Copier c, long[] size, long[] stride, int r, int n) {
        if (r <= 1) {
            c.bulk(0, 0, n);
            return;
        }
        int row = (int) size[r - 1];
        int[] idx = new int[r - 1];
        int in = 0;
        for (int out = 0; out < n; out += row) {
            c.bulk(in, out, row);
            for (int k = r - 2; k >= 0; k--) {
                in += (int) stride[k];
                if (++idx[k] < size[k]) {
                    break;
                }
                in -= (int) (stride[k] * size[k]);
                idx[k] = 0;
            }
        }
    }

    /**
     * Output dimension {@code j = r-1} is contiguous in the output, dimension {@code q} (input stride 1)
     * is contiguous in the input: each {@code tile x tile} block of the two is copied with both sides'
     * cache lines used whole; the other dimensions are walked around it in output order.
     */
    private static void copyTiled(Copier c, long[] size, long[] stride, int r, int tile) {
        int j = r - 1;
        int q = -1;
        for (int k = 0; k < r; k++) {
            if (stride[k] == 1) {
                q = k;
            }
        }
        if (q < 0) {
            throw new IllegalStateException("permute: no input-contiguous dimension in strides "
                    + Arrays.toString(Arrays.copyOf(stride, r)));
        }
        long[] outStride = new long[r];
        long m = 1;
        for (int k = r - 1; k >= 0; k--) {
            outStride[k] = m;
            m *= size[k];
        }
        int nj = (int) size[j];
        int nq = (int) size[q];
        int sj = (int) stride[j];
        int oq = (int) outStride[q];
        int[] other = new int[r - 2];
        int o = 0;
        for (int k = 0; k < r; k++) {
            if (k != j && k != q) {
                other[o++] = k;
            }
        }
        long outer = m / ((long) nj * nq);
        int[] idx = new int[other.length];
        int in = 0;
        int out = 0;
        for (long b = 0; b < outer; b++) {
            for (int q0 = 0; q0 < nq; q0 += tile) {
                int q1 = Math.min(nq, q0 + tile);
                for (int j0 = 0; j0 < nj; j0 += tile) {
                    int j1 = Math.min(nj, j0 + tile);
                    for (int x = q0; x < q1; x++) {
                        c.strided(in + x + j0 * sj, sj, out + x * oq + j0, j1 - j0);
                    }
                }
            }
            for (int t = other.length - 1; t >= 0; t--) {
                int k = other[t];
                in += (int) stride[k];
                out += (int) outStride[k];
                if (++idx[t] < size[k]) {
                    break;
                }
                in -= (int) (stride[k] * size[k]);
                out -= (int) (outStride[k] * size[k]);
                idx[t] = 0;
            }
        }
    }

    /** Copies raw element bits between byte arrays (native order both sides, so byte order is moot). */
    private static final class Copier {
        private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class,
                ByteOrder.nativeOrder());
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.nativeOrder());

        private final byte[] src;
        private final int srcOff;
        private final byte[] dst;
        private final int dstOff;
        private final int size;

        Copier(byte[] src, int srcOff, byte[] dst, int dstOff, int size) {
            this.src = src;
            this.srcOff = srcOff;
            this.dst = dst;
            this.dstOff = dstOff;
            this.size = size;
        }

        /** {@code n} consecutive elements from element {@code in} to element {@code out}. */
        void bulk(int in, int out, int n) {
            System.arraycopy(src, srcOff + in * size, dst, dstOff + out * size, n * size);
        }

        /** {@code n} elements from element {@code in}, step {@code step}, to consecutive elements from {@code out}. */
        void strided(int in, int step, int out, int n) {
            int s = srcOff + in * size;
            int d = dstOff + out * size;
            switch (size) {
                case 1:
                    for (int e = 0; e < n; e++, s += step, d++) {
                        dst[d] = src[s];
                    }
                    break;
                case 2: {
                    int ss = step * 2;
                    for (int e = 0; e < n; e++, s += ss, d += 2) {
                        SHORT.set(dst, d, (short) SHORT.get(src, s));
                    }
                    break;
                }
                case 4: {
                    int ss = step * 4;
                    for (int e = 0; e < n; e++, s += ss, d += 4) {
                        INT.set(dst, d, (int) INT.get(src, s));
                    }
                    break;
                }
                default: {
                    int ss = step * 8;
                    for (int e = 0; e < n; e++, s += ss, d += 8) {
                        LONG.set(dst, d, (long) LONG.get(src, s));
                    }
                }
            }
        }
    }
}
