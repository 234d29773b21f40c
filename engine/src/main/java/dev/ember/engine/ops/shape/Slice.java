package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/**
 * Every {@code step}-th entry of {@code [start, end)} along a dimension, as a view; mirrors Python
 * slicing {@code x[:, start:end:step]} and {@code tensor.narrow} ({@code SliceBackward0}).
 */
public final class Slice extends Node {
    private final long[] inputShape;
    private final int dim;
    private final long start;
    private final long end;
    private final long step;

    private Slice(Tensor x, int dim, long start, long end, long step) {
        super(x);
        this.inputShape = x.shape();
        this.dim = dim;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    /**
     * {@code x[..., start:end:step, ...]} at {@code dim} with Python's rules: negative bounds count
     * from the end, out-of-range bounds are clamped, {@code end < start} gives an empty slice;
     * {@code step} must be positive. Pass {@code Long.MAX_VALUE} as {@code end} for "to the end".
     */
    public static Tensor apply(Tensor x, int dim, long start, long end, long step) {
        long[] b = bounds("slice", x, dim, start, end, step);
        int d = (int) b[0];
        Tensor out = Tensor.wrapView(Kernels.shape().slice(x.array(), d, b[1], b[2], step), x);
        return record(out, () -> new Slice(x, d, b[1], b[2], step), x);
    }

    /** {@code x.narrow(dim, start, length)}: {@code length} entries from {@code start} (negative counts from the end). */
    public static Tensor narrow(Tensor x, int dim, long start, long length) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor");
        }
        int d = Shapes.dim("narrow", dim, x.dim());
        long size = x.shape()[d];
        if (start < -size || start > size) {
            throw new IndexOutOfBoundsException("narrow: start " + start + " is out of range for dimension " + d
                    + " with size " + size + " (expected " + (-size) + ".." + size + ")");
        }
        if (length < 0) {
            throw new IllegalArgumentException("narrow: length must be non-negative, got " + length);
        }
        long s = start < 0 ? start + size : start;
        if (s + length > size) {
            throw new IllegalArgumentException("narrow: start (" + s + ") + length (" + length
                    + ") exceeds the size (" + size + ") of dimension " + d + " (shape " + Shapes.str(x.shape()) + ")");
        }
        return apply(x, d, s, s + length, 1);
    }

    /** {dim, start, end} normalised with Python's slicing rules; throws naming {@code op}. */
    static long[] bounds(String op, Tensor x, int dim, long start, long end, long step) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException(op + "() cannot be applied to a 0-dim tensor");
        }
        int d = Shapes.dim(op, dim, x.dim());
        if (step <= 0) {
            throw new IllegalArgumentException(op + ": step must be positive, got " + step);
        }
        long size = x.shape()[d];
        long s = clamp(start < 0 ? start + size : start, size);
        long e = clamp(end < 0 ? end + size : end, size);
        return new long[] {d, s, Math.max(s, e)};
    }

    private static long clamp(long v, long size) {
        return Math.max(0, Math.min(v, size));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.zeros(g.dtype(), inputShape).sliceScatter(g, dim, start, end, step)};
    }
}
