package dev.ember.engine.internal;

import java.util.Arrays;

/** Shape arithmetic and argument checks shared by ops; messages name the op and the values. */
public final class Shapes {
    private Shapes() {
    }

    /** Number of elements of {@code shape}. */
    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** {@code [2, 3]} style text. */
    public static String str(long[] shape) {
        return Arrays.toString(shape);
    }

    /** The PyTorch broadcast of two shapes; throws naming {@code op} and both shapes. */
    public static long[] broadcast(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " are not broadcastable (size " + da + " vs " + db + " at dimension " + i + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** {@code dim} made non-negative for a tensor of {@code rank}; throws naming {@code op}. */
    public static int dim(String op, int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IllegalArgumentException(op + ": dim " + dim + " is out of range for a tensor of rank "
                    + rank + " (expected " + (-r) + ".." + (r - 1) + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** Normalised, sorted dims; throws on a repeated dim. */
    public static int[] dims(String op, int[] dims, int rank) {
        int[] d = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = dim(op, dims[i], rank);
        }
        Arrays.sort(d);
        for (int i = 1; i < d.length; i++) {
            if (d[i] == d[i - 1]) {
                throw new IllegalArgumentException(op + ": dim " + d[i] + " appears more than once in "
                        + Arrays.toString(dims));
            }
        }
        return d;
    }

    /** Resolves one {@code -1} in {@code shape} for {@code numel} elements; throws naming {@code op}. */
    public static long[] inferShape(String op, long[] shape, long numel, long[] from) {
        long[] s = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(op + ": only one dimension can be -1, got " + str(shape));
                }
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid size " + s[i] + " in shape " + str(shape));
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException(op + ": shape " + str(shape) + " is invalid for input of size "
                        + numel + " (shape " + str(from) + ")");
            }
            s[infer] = numel / known;
        } else if (known != numel) {
            throw new IllegalArgumentException(op + ": shape " + str(shape) + " is invalid for input of size "
                    + numel + " (shape " + str(from) + ")");
        }
        return s;
    }

    /** Checks every size is >= 0. */
    public static long[] checkSizes(String op, long[] shape) {
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative size in shape " + str(shape));
            }
        }
        return shape.clone();
    }

    /** Row-major strides of {@code shape}. */
    public static long[] strides(long[] shape) {
        long[] st = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }
}
