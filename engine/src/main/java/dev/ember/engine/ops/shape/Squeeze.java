package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.internal.Shapes;

/**
 * Size-1 dimensions removed, as a view; mirrors {@code tensor.squeeze()} ({@code SqueezeBackward0})
 * and {@code tensor.squeeze(dim)} ({@code SqueezeBackward1}, a no-op view when that size is not 1).
 */
public final class Squeeze extends Node {
    private final int[] removed;
    private final boolean all;

    private Squeeze(Tensor x, int[] removed, boolean all) {
        super(x);
        this.removed = removed;
        this.all = all;
    }

    @Override
    public String name() {
        return all ? "SqueezeBackward0" : "SqueezeBackward1";
    }

    /** {@code x.squeeze()}: every size-1 dimension removed. */
    public static Tensor apply(Tensor x) {
        long[] shape = x.shape();
        int n = 0;
        int[] removed = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 1) {
                removed[n++] = i;
            }
        }
        return squeeze(x, java.util.Arrays.copyOf(removed, n), true);
    }

    /** {@code x.squeeze(dim)}: removes {@code dim} when its size is 1, else returns a view of the same shape. */
    public static Tensor apply(Tensor x, int dim) {
        int d = Shapes.dim("squeeze", dim, x.dim());
        boolean unit = x.dim() > 0 && x.shape()[d] == 1;
        return squeeze(x, unit ? new int[] {d} : new int[0], false);
    }

    private static Tensor squeeze(Tensor x, int[] removed, boolean all) {
        long[] shape = x.shape();
        long[] strides = Views.strides(x);
        for (int i = removed.length - 1; i >= 0; i--) {
            shape = Views.remove(shape, removed[i]);
            strides = Views.remove(strides, removed[i]);
        }
        Tensor out = Views.of(x, shape, strides, 0);
        return record(out, () -> new Squeeze(x, removed, all), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor r = g;
        for (int d : removed) {
            r = r.unsqueeze(d);
        }
        return new Tensor[] {r};
    }
}
