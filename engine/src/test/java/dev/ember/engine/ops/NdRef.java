package dev.ember.engine.ops;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A plain double n-d array for reference implementations in tests: naive loops, no ND4J,
 * so it is independent of the engine it checks.
 */
public final class NdRef {
    public final long[] shape;
    public final double[] data;

    public NdRef(long[] shape, double[] data) {
        this.shape = shape.clone();
        this.data = data;
        if (numel(shape) != data.length) {
            throw new IllegalArgumentException("NdRef: shape " + Arrays.toString(shape) + " vs " + data.length);
        }
    }

    public static NdRef zeros(long... shape) {
        return new NdRef(shape, new double[(int) numel(shape)]);
    }

    public static NdRef scalar(double v) {
        return new NdRef(new long[0], new double[] {v});
    }

    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    public int rank() {
        return shape.length;
    }

    public long[] strides() {
        long[] st = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }

    /** The multi-index of flat position {@code flat}. */
    public long[] index(long flat) {
        long[] idx = new long[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            idx[i] = flat % shape[i];
            flat /= shape[i];
        }
        return idx;
    }

    public int flat(long... idx) {
        long f = 0;
        long[] st = strides();
        for (int i = 0; i < idx.length; i++) {
            f += idx[i] * st[i];
        }
        return (int) f;
    }

    public double get(long... idx) {
        return data[flat(idx)];
    }

    public void set(double v, long... idx) {
        data[flat(idx)] = v;
    }

    public NdRef map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new NdRef(shape, out);
    }

    /** Broadcasting elementwise combination, by explicit index arithmetic. */
    public static NdRef zip(NdRef a, NdRef b, DoubleBinaryOperator f) {
        int rank = Math.max(a.rank(), b.rank());
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.rank() ? 1 : a.shape[i - (rank - a.rank())];
            long db = i < rank - b.rank() ? 1 : b.shape[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("NdRef.zip: not broadcastable");
            }
            out[i] = Math.max(da, db);
        }
        NdRef r = zeros(out);
        for (int k = 0; k < r.data.length; k++) {
            long[] idx = r.index(k);
            r.data[k] = f.applyAsDouble(a.at(idx), b.at(idx));
        }
        return r;
    }

    /** Broadcasting elementwise combination of any number of arrays. */
    public static NdRef zipAll(java.util.function.ToDoubleFunction<double[]> f, NdRef... xs) {
        int rank = 0;
        for (NdRef x : xs) {
            rank = Math.max(rank, x.rank());
        }
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        for (NdRef x : xs) {
            for (int i = 0; i < x.rank(); i++) {
                int o = i + rank - x.rank();
                out[o] = Math.max(out[o], x.shape[i]);
            }
        }
        NdRef r = zeros(out);
        double[] vals = new double[xs.length];
        for (int k = 0; k < r.data.length; k++) {
            long[] idx = r.index(k);
            for (int j = 0; j < xs.length; j++) {
                vals[j] = xs[j].at(idx);
            }
            r.data[k] = f.applyAsDouble(vals);
        }
        return r;
    }

    /** Element at a (right-aligned, broadcast) index of a possibly larger rank. */
    public double at(long[] bigIdx) {
        long f = 0;
        long[] st = strides();
        int off = bigIdx.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            long v = shape[i] == 1 ? 0 : bigIdx[i + off];
            f += v * st[i];
        }
        return data[(int) f];
    }

    /** Reduces over {@code dims} (empty = all) with {@code op} starting from {@code init}. */
    public NdRef reduce(int[] dims, boolean keepdim, double init, DoubleBinaryOperator op) {
        boolean[] red = new boolean[shape.length];
        if (dims.length == 0) {
            Arrays.fill(red, true);
        }
        for (int d : dims) {
            red[d < 0 ? d + shape.length : d] = true;
        }
        long[] kept = shape.clone();
        for (int i = 0; i < kept.length; i++) {
            if (red[i]) {
                kept[i] = 1;
            }
        }
        NdRef r = zeros(kept);
        Arrays.fill(r.data, init);
        for (int k = 0; k < data.length; k++) {
            long[] idx = index(k);
            for (int i = 0; i < idx.length; i++) {
                if (red[i]) {
                    idx[i] = 0;
                }
            }
            int o = r.flat(idx);
            r.data[o] = op.applyAsDouble(r.data[o], data[k]);
        }
        if (keepdim) {
            return r;
        }
        long[] out = new long[shape.length];
        int n = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!red[i]) {
                out[n++] = shape[i];
            }
        }
        return new NdRef(Arrays.copyOf(out, n), r.data);
    }

    public NdRef reshape(long... s) {
        return new NdRef(s, data.clone());
    }

    public NdRef permute(int... dims) {
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = shape[dims[i]];
        }
        NdRef r = zeros(out);
        for (int k = 0; k < r.data.length; k++) {
            long[] idx = r.index(k);
            long[] src = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                src[dims[i]] = idx[i];
            }
            r.data[k] = get(src);
        }
        return r;
    }

    /** Naive (batched) matrix product of equal-rank operands with equal batch dims. */
    public static NdRef matmul(NdRef a, NdRef b) {
        int r = a.rank();
        long m = a.shape[r - 2];
        long k = a.shape[r - 1];
        long n = b.shape[r - 1];
        long[] out = a.shape.clone();
        out[r - 1] = n;
        NdRef c = zeros(out);
        long batch = numel(Arrays.copyOf(a.shape, r - 2));
        for (long bi = 0; bi < batch; bi++) {
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    double s = 0;
                    for (long q = 0; q < k; q++) {
                        s += a.data[(int) (bi * m * k + i * k + q)] * b.data[(int) (bi * k * n + q * n + j)];
                    }
                    c.data[(int) (bi * m * n + i * n + j)] = s;
                }
            }
        }
        return c;
    }

    /** The Gauss error function: Maclaurin series below 3, the erfc continued fraction above. */
    public static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            double sum = 0;
            double power = ax;
            for (int n = 0; n < 200; n++) {
                double t = power / (2 * n + 1);
                sum += t;
                if (Math.abs(t) < 1e-18) {
                    break;
                }
                power *= -ax * ax / (n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = ax;
            for (int k = 200; k >= 1; k--) {
                f = ax + (k / 2.0) / f;
            }
            r = 1 - Math.exp(-ax * ax) / (Math.sqrt(Math.PI) * f);
        }
        return Math.copySign(r, x);
    }

    /** Index along {@code dim} of the first largest ({@code max}) or smallest value; int values as doubles. */
    public NdRef argReduce(int dim, boolean keepdim, boolean max) {
        int d = dim < 0 ? dim + shape.length : dim;
        NdRef best = reduce(new int[] {d}, true, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY,
                max ? Math::max : Math::min);
        NdRef idx = zeros(best.shape);
        java.util.Arrays.fill(idx.data, -1);
        for (int k = 0; k < data.length; k++) {
            long[] i = index(k);
            long along = i[d];
            i[d] = 0;
            int o = best.flat(i);
            if (idx.data[o] < 0 && data[k] == best.data[o]) {
                idx.data[o] = along;
            }
        }
        return keepdim ? idx : idx.reshape(dropDim(best.shape, d));
    }

    private static long[] dropDim(long[] s, int d) {
        long[] out = new long[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) {
            if (i != d) {
                out[k++] = s[i];
            }
        }
        return out;
    }

    /** {@code exp(x) / sum(exp(x))} along {@code dim}, the textbook way. */
    public NdRef softmax(int dim) {
        int[] d = {dim < 0 ? dim + Math.max(1, shape.length) : dim};
        NdRef e = map(Math::exp);
        NdRef sum = rank() == 0 ? e : e.reduce(d, true, 0, Double::sum);
        return zip(e, sum, (a, b) -> a / b);
    }

    /** Variance over {@code dims} (empty = all), dividing by N - 1 when {@code unbiased}. */
    public NdRef variance(int[] dims, boolean unbiased, boolean keepdim) {
        long n = numel(shape) / numel(reduce(dims, true, 0, Double::sum).shape);
        NdRef mean = reduce(dims, true, 0, Double::sum).map(v -> v / n);
        NdRef sq = zip(this, mean, (a, m) -> (a - m) * (a - m));
        return sq.reduce(dims, keepdim, 0, Double::sum).map(v -> v / (n - (unbiased ? 1 : 0)));
    }

    /** p-norm over {@code dims} (empty = all); p may be +-infinity or 0. */
    public NdRef norm(double p, int[] dims, boolean keepdim) {
        if (Double.isInfinite(p)) {
            return map(Math::abs).reduce(dims, keepdim, p > 0 ? 0 : Double.POSITIVE_INFINITY,
                    p > 0 ? Math::max : Math::min);
        }
        if (p == 0) {
            return map(v -> v != 0 ? 1 : 0).reduce(dims, keepdim, 0, Double::sum);
        }
        return map(v -> Math.pow(Math.abs(v), p)).reduce(dims, keepdim, 0, Double::sum).map(v -> Math.pow(v, 1 / p));
    }

    private int norm(int dim) {
        return dim < 0 ? dim + shape.length : dim;
    }

    /** A new array of {@code shape} whose element at each index is {@code f(index)}. */
    public static NdRef build(long[] shape, java.util.function.ToDoubleFunction<long[]> f) {
        NdRef r = zeros(shape);
        for (int k = 0; k < r.data.length; k++) {
            r.data[k] = f.applyAsDouble(r.index(k));
        }
        return r;
    }

    /** Dimensions {@code d0} and {@code d1} swapped. */
    public NdRef transpose(int d0, int d1) {
        int[] p = new int[shape.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        p[norm(d0)] = norm(d1);
        p[norm(d1)] = norm(d0);
        return permute(p);
    }

    /** {@code x[..., start:end:step, ...]} at {@code dim}; bounds already inside {@code [0, size]}. */
    public NdRef slice(int dim, long start, long end, long step) {
        int d = norm(dim);
        long[] out = shape.clone();
        out[d] = Math.max(0, (end - start + step - 1) / step);
        return build(out, idx -> {
            long[] src = idx.clone();
            src[d] = start + idx[d] * step;
            return get(src);
        });
    }

    /** {@code x[..., i, ...]} at {@code dim}, that dimension removed. */
    public NdRef select(int dim, long i) {
        int d = norm(dim);
        NdRef s = slice(d, i, i + 1, 1);
        long[] out = new long[shape.length - 1];
        for (int k = 0, j = 0; k < shape.length; k++) {
            if (k != d) {
                out[j++] = shape[k];
            }
        }
        return s.reshape(out);
    }

    /** Arrays of equal shape except at {@code dim}, joined along it. */
    public static NdRef cat(int dim, NdRef... parts) {
        int d = dim < 0 ? dim + parts[0].rank() : dim;
        long[] out = parts[0].shape.clone();
        out[d] = 0;
        for (NdRef p : parts) {
            out[d] += p.shape[d];
        }
        return build(out, idx -> {
            long[] src = idx.clone();
            for (NdRef p : parts) {
                if (src[d] < p.shape[d]) {
                    return p.get(src);
                }
                src[d] -= p.shape[d];
            }
            throw new IllegalStateException("NdRef.cat: index past the end");
        });
    }

    /** Entries reversed along {@code dims}. */
    public NdRef flip(int... dims) {
        boolean[] f = new boolean[shape.length];
        for (int d : dims) {
            f[norm(d)] = true;
        }
        return build(shape, idx -> {
            long[] src = idx.clone();
            for (int i = 0; i < src.length; i++) {
                if (f[i]) {
                    src[i] = shape[i] - 1 - idx[i];
                }
            }
            return get(src);
        });
    }

    /** Tiled {@code reps[i]} times along each dimension (extra leading reps add dimensions). */
    public NdRef repeat(long... reps) {
        int lead = reps.length - shape.length;
        long[] out = new long[reps.length];
        for (int i = 0; i < reps.length; i++) {
            out[i] = reps[i] * (i < lead ? 1 : shape[i - lead]);
        }
        return build(out, idx -> {
            long[] src = new long[shape.length];
            for (int i = 0; i < src.length; i++) {
                src[i] = idx[i + lead] % shape[i];
            }
            return get(src);
        });
    }

    /** {@code out[idx] = this[idx with idx[dim] replaced by index[idx]]}; the output has the index's shape. */
    public NdRef gather(int dim, NdRef index) {
        int d = norm(dim);
        return build(index.shape, idx -> {
            long[] src = idx.clone();
            src[d] = (long) index.get(idx);
            return get(src);
        });
    }

    /** A copy with {@code src[idx]} added at {@code idx with idx[dim] = index[idx]}, for every idx of the index. */
    public NdRef scatterAdd(int dim, NdRef index, NdRef src) {
        int d = norm(dim);
        NdRef r = new NdRef(shape, data.clone());
        for (int k = 0; k < index.data.length; k++) {
            long[] idx = index.index(k);
            long[] dst = idx.clone();
            dst[d] = (long) index.data[k];
            r.data[r.flat(dst)] += src.get(idx);
        }
        return r;
    }

    /** Entries at the 1-D (or 0-D) {@code index} along {@code dim}. */
    public NdRef indexSelect(int dim, NdRef index) {
        int d = norm(dim);
        long[] out = shape.clone();
        out[d] = index.data.length;
        return build(out, idx -> {
            long[] src = idx.clone();
            src[d] = (long) index.data[(int) idx[d]];
            return get(src);
        });
    }

    /** A copy with slice {@code i} of {@code src} added at {@code index[i]} along {@code dim}. */
    public NdRef indexAdd(int dim, NdRef index, NdRef src) {
        int d = norm(dim);
        NdRef r = new NdRef(shape, data.clone());
        for (int k = 0; k < src.data.length; k++) {
            long[] idx = src.index(k);
            long[] dst = idx.clone();
            dst[d] = (long) index.data[(int) idx[d]];
            r.data[r.flat(dst)] += src.data[k];
        }
        return r;
    }

    /** A copy with the slice {@code [start:end:step]} at {@code dim} replaced by {@code src}. */
    public NdRef sliceScatter(NdRef src, int dim, long start, long step) {
        int d = norm(dim);
        NdRef r = new NdRef(shape, data.clone());
        for (int k = 0; k < src.data.length; k++) {
            long[] idx = src.index(k);
            long[] dst = idx.clone();
            dst[d] = start + idx[d] * step;
            r.data[r.flat(dst)] = src.data[k];
        }
        return r;
    }
}
