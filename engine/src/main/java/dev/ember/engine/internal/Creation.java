package dev.ember.engine.internal;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.backend.Kernels;

/** Implementations of the tensor factories on {@link Tensor}. */
public final class Creation {
    private Creation() {
    }

    public static Tensor full(long[] shape, double value, DType dtype) {
        return Tensor.wrap(Kernels.creation().full(Shapes.checkSizes("full", shape), value, dtype));
    }

    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0 || Double.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        if ((end - start) / step < 0) {
            throw new IllegalArgumentException("arange: upper bound and larger bound inconsistent with step sign "
                    + "(start=" + start + ", end=" + end + ", step=" + step + ")");
        }
        return Tensor.wrap(Kernels.creation().arange(start, end, step, dtype));
    }

    public static Tensor linspace(double start, double end, long steps, DType dtype) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: steps must be >= 0, got " + steps);
        }
        return Tensor.wrap(Kernels.creation().linspace(start, end, steps, dtype));
    }

    public static Tensor eye(long n, long m, DType dtype) {
        if (n < 0 || m < 0) {
            throw new IllegalArgumentException("eye: n and m must be >= 0, got n=" + n + ", m=" + m);
        }
        return Tensor.wrap(Kernels.creation().eye(n, m, dtype));
    }

    public static Tensor rand(Generator g, long[] shape, DType dtype) {
        floatingRandom("rand", dtype);
        double[] v = new double[Math.toIntExact(Shapes.numel(Shapes.checkSizes("rand", shape)))];
        gen(g).fillUniform(v, 0, 1);
        return Tensor.fromArray(v, shape).to(dtype);
    }

    public static Tensor randn(Generator g, long[] shape, DType dtype) {
        floatingRandom("randn", dtype);
        double[] v = new double[Math.toIntExact(Shapes.numel(Shapes.checkSizes("randn", shape)))];
        gen(g).fillNormal(v, 0, 1);
        return Tensor.fromArray(v, shape).to(dtype);
    }

    public static Tensor randint(Generator g, long low, long high, long[] shape, DType dtype) {
        if (high <= low) {
            throw new IllegalArgumentException("randint: high must be > low, got low=" + low + ", high=" + high);
        }
        long[] v = new long[Math.toIntExact(Shapes.numel(Shapes.checkSizes("randint", shape)))];
        Generator gen = gen(g);
        for (int i = 0; i < v.length; i++) {
            v[i] = low + gen.nextLong(high - low);
        }
        return Tensor.fromArray(v, shape).to(dtype);
    }

    /** A random permutation of {@code 0..n-1} (int64); mirrors {@code torch.randperm}. */
    public static Tensor randperm(Generator g, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("randperm: n must be >= 0, got " + n);
        }
        long[] v = new long[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Generator gen = gen(g);
        for (int i = v.length - 1; i > 0; i--) {
            int j = (int) gen.nextLong(i + 1);
            long t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Tensor.fromArray(v, n);
    }

    /**
     * A tensor from a rectangular nested Java array ({@code float[][][]}, {@code long[][]}, ...) of
     * any rank: float arrays give float32, long arrays int64; ragged arrays are refused naming the
     * first row whose length differs.
     */
    public static Tensor nested(Object array) {
        java.util.List<Long> dims = new java.util.ArrayList<>();
        Object a = array;
        while (a != null && a.getClass().isArray() && a.getClass().getComponentType().isArray()) {
            dims.add((long) java.lang.reflect.Array.getLength(a));
            a = java.lang.reflect.Array.getLength(a) == 0 ? null : java.lang.reflect.Array.get(a, 0);
        }
        if (a == null) {
            throw new IllegalArgumentException("Tensor.of: empty nested arrays have no shape; use Tensor.zeros");
        }
        dims.add((long) java.lang.reflect.Array.getLength(a));
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int n = Math.toIntExact(Shapes.numel(shape));
        Class<?> leaf = a.getClass().getComponentType();
        Object flat = java.lang.reflect.Array.newInstance(leaf, n);
        int[] at = {0};
        copyRows(array, shape, 0, "", flat, at);
        if (leaf == float.class) {
            return Tensor.fromArray((float[]) flat, shape);
        }
        if (leaf == long.class) {
            return Tensor.fromArray((long[]) flat, shape);
        }
        throw new IllegalArgumentException("Tensor.of: unsupported element type " + leaf);
    }

    private static void copyRows(Object a, long[] shape, int dim, String index, Object flat, int[] at) {
        int len = java.lang.reflect.Array.getLength(a);
        if (len != shape[dim]) {
            throw new IllegalArgumentException("Tensor.of: row " + index + " has " + len + " values, expected "
                    + shape[dim] + " like the first one (shape " + java.util.Arrays.toString(shape) + ")");
        }
        if (dim == shape.length - 1) {
            System.arraycopy(a, 0, flat, at[0], len);
            at[0] += len;
            return;
        }
        for (int i = 0; i < len; i++) {
            copyRows(java.lang.reflect.Array.get(a, i), shape, dim + 1, index + "[" + i + "]", flat, at);
        }
    }

    private static Generator gen(Generator g) {
        return g == null ? Ember.defaultGenerator() : g;
    }

    private static void floatingRandom(String op, DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": dtype must be float32 or float64, got " + dtype);
        }
    }
}
