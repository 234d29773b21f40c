package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.internal.Shapes;

/**
 * Two dimensions swapped, as a view; mirrors {@code tensor.transpose(dim0, dim1)}
 * ({@code TransposeBackward0}) and {@code tensor.t()} ({@code TBackward0}).
 */
public final class Transpose extends Node {
    private final int dim0;
    private final int dim1;
    private final boolean isT;

    private Transpose(Tensor x, int dim0, int dim1, boolean isT) {
        super(x);
        this.dim0 = dim0;
        this.dim1 = dim1;
        this.isT = isT;
    }

    @Override
    public String name() {
        return isT ? "TBackward0" : "TransposeBackward0";
    }

    /** {@code x.transpose(dim0, dim1)}; negative dims count from the end. */
    public static Tensor apply(Tensor x, int dim0, int dim1) {
        int d0 = Shapes.dim("transpose", dim0, x.dim());
        int d1 = Shapes.dim("transpose", dim1, x.dim());
        return swap(x, d0, d1, false);
    }

    /** {@code x.t()}: transposes a matrix; 0-D and 1-D tensors come back as they are (as a view). */
    public static Tensor t(Tensor x) {
        if (x.dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but got "
                    + x.dim() + "-D " + Shapes.str(x.shape()) + "; use transpose(dim0, dim1) or permute(...)");
        }
        return x.dim() < 2 ? swap(x, 0, 0, true) : swap(x, 0, 1, true);
    }

    private static Tensor swap(Tensor x, int d0, int d1, boolean isT) {
        long[] shape = x.shape();
        long[] strides = Views.strides(x);
        if (d0 != d1) {
            long s = shape[d0];
            shape[d0] = shape[d1];
            shape[d1] = s;
            long st = strides[d0];
            strides[d0] = strides[d1];
            strides[d1] = st;
        }
        Tensor out = Views.of(x, shape, strides, 0);
        return record(out, () -> new Transpose(x, d0, d1, isT), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {isT ? g.t() : g.transpose(dim0, dim1)};
    }
}
