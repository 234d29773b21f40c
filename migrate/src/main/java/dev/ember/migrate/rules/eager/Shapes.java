package dev.ember.migrate.rules.eager;

import java.util.Arrays;

/** Static shape inference for the analysis: {@code null} is an unknown rank, {@code -1} an unknown dimension. */
final class Shapes {
    private Shapes() {
    }

    static long[] broadcast(long[] a, long[] b) {
        if (a == null || b == null) {
            return null;
        }
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long x = i < r - a.length ? 1 : a[i - (r - a.length)];
            long y = i < r - b.length ? 1 : b[i - (r - b.length)];
            out[i] = x == 1 ? y : y == 1 ? x : x == -1 ? y : x;
        }
        return out;
    }

    static long[] append(long[] a, long d) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = d;
        return out;
    }

    static long numel(long[] s) {
        if (s == null) {
            return -1;
        }
        long n = 1;
        for (long d : s) {
            if (d < 0) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    static long[] reshape(long[] in, long[] target) {
        long[] out = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                unknown = i;
            } else {
                known *= out[i];
            }
        }
        long n = numel(in);
        if (unknown >= 0) {
            out[unknown] = n >= 0 && known > 0 ? n / known : -1;
        }
        return out;
    }

    static long[] reduce(long[] in, long[] axes, boolean keep) {
        if (in == null) {
            return null;
        }
        boolean[] reduced = new boolean[in.length];
        for (long a : axes) {
            int ax = (int) (a < 0 ? a + in.length : a);
            if (ax < 0 || ax >= in.length) {
                return null;
            }
            reduced[ax] = true;
        }
        long[] out = new long[in.length];
        int k = 0;
        for (int i = 0; i < in.length; i++) {
            if (!reduced[i]) {
                out[k++] = in[i];
            } else if (keep) {
                out[k++] = 1;
            }
        }
        return Arrays.copyOf(out, k);
    }

    static long[] matmul(long[] a, long[] b, boolean ta, boolean tb) {
        if (a == null || b == null || a.length != 2 || b.length != 2) {
            return a == null || b == null ? null : new long[] {-1, -1};
        }
        return new long[] {ta ? a[1] : a[0], tb ? b[0] : b[1]};
    }

    /** TF's output size for one spatial dimension: VALID {@code ceil((in - k + 1) / s)}, SAME {@code ceil(in / s)}. */
    static long convOut(long in, long k, long s, String padding, long dilation) {
        if (in < 0) {
            return -1;
        }
        if (padding.equals("SAME")) {
            return (in + s - 1) / s;
        }
        if (k < 0) {
            return -1;
        }
        long eff = (k - 1) * dilation + 1;
        return in < eff ? 0 : (in - eff) / s + 1;
    }

    /** TF's SAME padding of one dimension: {before, after}, or null when the input size is unknown. */
    static long[] samePadding(long in, long k, long s, long dilation) {
        if (in < 0 || k < 0) {
            return null;
        }
        long eff = (k - 1) * dilation + 1;
        long out = (in + s - 1) / s;
        long total = Math.max((out - 1) * s + eff - in, 0);
        return new long[] {total / 2, total - total / 2};
    }
}
