package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BlockedPermute} against a naive element-by-element permutation. */
class BlockedPermuteTest {

    private final Random random = new Random(11);

    /** Output element {@code o} (row-major over the permuted shape) is input element at the mapped index. */
    private static byte[] naive(byte[] src, int srcOffset, long[] shape, int[] dims, int size) {
        int rank = shape.length;
        long[] outShape = new long[rank];
        long[] inStride = new long[rank];
        long n = 1;
        for (int k = rank - 1; k >= 0; k--) {
            inStride[k] = n;
            n *= shape[k];
        }
        for (int k = 0; k < rank; k++) {
            outShape[k] = shape[dims[k]];
        }
        byte[] out = new byte[(int) n * size];
        long[] idx = new long[rank];
        for (int o = 0; o < n; o++) {
            long rem = o;
            for (int k = rank - 1; k >= 0; k--) {
                idx[k] = rem % outShape[k];
                rem /= outShape[k];
            }
            long in = 0;
            for (int k = 0; k < rank; k++) {
                in += idx[k] * inStride[dims[k]];
            }
            System.arraycopy(src, srcOffset + (int) in * size, out, o * size, size);
        }
        return out;
    }

    private void check(long[] shape, int[] dims, int size) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int srcOffset = random.nextInt(5);
        int dstOffset = random.nextInt(5);
        byte[] src = new byte[srcOffset + (int) n * size + 3];
        random.nextBytes(src);
        byte[] dst = new byte[dstOffset + (int) n * size + 4];
        random.nextBytes(dst);
        byte[] before = dst.clone();
        BlockedPermute.permute(src, srcOffset, shape, dims, size, dst, dstOffset);
        String what = Arrays.toString(shape) + " permute " + Arrays.toString(dims) + " x " + size + " bytes";
        assertThat(Arrays.copyOfRange(dst, dstOffset, dstOffset + (int) n * size))
                .as(what).isEqualTo(naive(src, srcOffset, shape, dims, size));
        assertThat(Arrays.copyOfRange(dst, 0, dstOffset)).as(what + ": bytes before the output")
                .isEqualTo(Arrays.copyOfRange(before, 0, dstOffset));
        assertThat(Arrays.copyOfRange(dst, dstOffset + (int) n * size, dst.length)).as(what + ": bytes after")
                .isEqualTo(Arrays.copyOfRange(before, dstOffset + (int) n * size, dst.length));
    }

    private static List<int[]> permutations(int rank) {
        List<int[]> out = new ArrayList<>();
        permute(new int[rank], new boolean[rank], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
        if (k == p.length) {
            out.add(p.clone());
            return;
        }
        for (int d = 0; d < p.length; d++) {
            if (!used[d]) {
                used[d] = true;
                p[k] = d;
                permute(p, used, k + 1, out);
                used[d] = false;
            }
        }
    }

    @Test
    void everyPermutationOfSmallShapesMatchesNaive() {
        long[][] shapes = {{}, {1}, {7}, {3, 5}, {1, 6}, {6, 1}, {17, 33}, {2, 3, 4}, {3, 1, 5}, {5, 7, 1, 3},
            {2, 3, 4, 5}, {3, 3, 5, 7}};
        for (int size : new int[] {1, 2, 4, 8}) {
            for (long[] s : shapes) {
                for (int[] dims : permutations(s.length)) {
                    check(s, dims, size);
                }
            }
        }
    }

    @Test
    void tileEdgesAndOddSizesMatchNaive() {
        // Sizes around the tile (64 bytes a side: 64, 32, 16 or 8 elements by element size) and between.
        int[] sizes = {1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 129, 130};
        for (int size : new int[] {1, 2, 4, 8}) {
            for (int i = 0; i < 12; i++) {
                long a = sizes[random.nextInt(sizes.length)];
                long b = sizes[random.nextInt(sizes.length)];
                check(new long[] {a, b}, new int[] {1, 0}, size);
            }
        }
        for (int size : new int[] {1, 4, 8}) {
            check(new long[] {3, 3, 33, 65}, new int[] {3, 2, 0, 1}, size);        // HWIO -> OIHW
            check(new long[] {2, 3, 3, 17, 9}, new int[] {4, 3, 0, 1, 2}, size);   // DHWIO -> OIDHW
            check(new long[] {5, 31, 33}, new int[] {2, 1, 0}, size);              // WIO -> OIW
            check(new long[] {3, 3, 34, 2}, new int[] {2, 3, 0, 1}, size);         // depthwise
            check(new long[] {7, 7, 3, 129}, new int[] {3, 2, 0, 1}, size);        // flatten fix view
        }
    }

    @Test
    void randomRank5And6PermutationsMatchNaive() {
        for (int i = 0; i < 40; i++) {
            int rank = 5 + random.nextInt(2);
            long[] s = new long[rank];
            for (int k = 0; k < rank; k++) {
                s[k] = 1 + random.nextInt(k % 2 == 0 ? 6 : 19);
            }
            List<int[]> all = permutations(rank);
            int size = new int[] {1, 2, 4, 8}[random.nextInt(4)];
            check(s, all.get(random.nextInt(all.size())), size);
        }
    }

    @Test
    void largeDenseAndConvKernelsAsInTheBenchmark() {
        check(new long[] {2048, 1024}, new int[] {1, 0}, 4);
        check(new long[] {3, 3, 256, 128}, new int[] {3, 2, 0, 1}, 4);
        check(new long[] {1000, 300}, new int[] {1, 0}, 8);
    }

    @Test
    void emptyTensorsCopyNothing() {
        check(new long[] {0, 5}, new int[] {1, 0}, 4);
        check(new long[] {3, 0, 2}, new int[] {2, 0, 1}, 8);
    }

    @Test
    void badArgumentsAreRefused() {
        byte[] b = new byte[64];
        assertThatThrownBy(() -> BlockedPermute.permute(b, 0, new long[] {2, 2}, new int[] {0, 0}, 4, b.clone(), 0))
                .hasMessageContaining("[0, 0] is not a permutation of 2 dimensions");
        assertThatThrownBy(() -> BlockedPermute.permute(b, 0, new long[] {2, 2}, new int[] {1}, 4, b.clone(), 0))
                .hasMessageContaining("1 dims for rank 2");
        assertThatThrownBy(() -> BlockedPermute.permute(b, 0, new long[] {2, 2}, new int[] {1, 0}, 3, b.clone(), 0))
                .hasMessageContaining("element size 3");
        assertThatThrownBy(() -> BlockedPermute.permute(b, 60, new long[] {2, 2}, new int[] {1, 0}, 4, b.clone(), 0))
                .hasMessageContaining("needs 16 bytes, source has 4");
        assertThatThrownBy(() -> BlockedPermute.permute(b, 0, new long[] {4, 4}, new int[] {1, 0}, 8, b.clone(), 0))
                .hasMessageContaining("needs 128 bytes");
    }
}
