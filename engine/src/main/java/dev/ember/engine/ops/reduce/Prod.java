package dev.ember.engine.ops.reduce;

import dev.ember.engine.DType;
import dev.ember.engine.GradMode;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.ReduceOp;

/**
 * Product of all elements or over one dim (ints and bools give int64); mirrors {@code torch.prod}
 * ({@code ProdBackward0} for all, {@code ProdBackward1} for a dim). The gradient is the product of
 * the other elements, also where inputs are 0.
 */
public final class Prod extends Node {
    private final SavedTensor x;
    private final SavedTensor result;
    private final long[] inputShape;
    private final int[] dims;

    private Prod(Tensor x, Tensor result, int[] dims) {
        super(x);
        this.x = save(x);
        this.result = save(result);
        this.inputShape = x.shape();
        this.dims = dims;
    }

    @Override
    public String name() {
        return dims.length == 0 ? "ProdBackward0" : "ProdBackward1";
    }

    /** Product over {@code dims}: empty for all elements, or one dim. */
    public static Tensor apply(Tensor x, int[] dims, boolean keepdim) {
        if (dims.length > 1) {
            throw new IllegalArgumentException("prod: reduces over all elements or one dim, got dims "
                    + java.util.Arrays.toString(dims));
        }
        int[] d = Reduced.dims("prod", x, dims);
        Tensor in = x.dtype().isFloatingPoint() ? x : x.to(DType.INT64);
        Tensor out = Tensor.wrap(Kernels.reduction().reduce(ReduceOp.PROD, in.array(), d, keepdim));
        return record(out, () -> new Prod(in, out, d), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        Tensor gk = g.reshape(Reduced.keptShape(inputShape, dims));
        Tensor isZero = v.eq(0.0);
        if (isZero.sum().item() == 0) {
            // Exact to every order without zeros: d prod / dx_i = prod / x_i.
            return new Tensor[] {gk.mul(result.get().reshape(Reduced.keptShape(inputShape, dims))).div(v)};
        }
        Tensor others = GradMode.isEnabled() ? othersDifferentiable(v) : others(v, isZero);
        return new Tensor[] {gk.mul(others)};
    }

    /**
     * For each element, the product of the other elements of its slice, from zero counts (O(n)):
     * with one zero only the zero's position gets the product of the rest; with more, nothing.
     * Exact as a value; used when no graph of the gradient is needed.
     */
    private Tensor others(Tensor v, Tensor isZero) {
        Tensor zeros = isZero.sum(dims, true);
        Tensor nonZeroProd = apply(Tensor.where(isZero, Tensor.scalar(1.0, v.dtype()), v), dims, true);
        Tensor zero = Tensor.scalar(0.0, v.dtype());
        Tensor atZero = Tensor.where(zeros.eq(1.0), nonZeroProd, zero);
        Tensor elsewhere = Tensor.where(zeros.eq(0.0), nonZeroProd.div(v), zero);
        return Tensor.where(isZero, atZero, elsewhere);
    }

    /**
     * The same products built so that they differentiate correctly too (double backward): each
     * slice of n elements is expanded to n x n with ones on the diagonal, then multiplied out.
     * O(n^2) per slice, so used only when a graph of the gradient is being recorded.
     */
    private Tensor othersDifferentiable(Tensor v) {
        Tensor flat = dims.length == 0 ? v.reshape(v.numel()) : v;
        int dim = dims.length == 0 ? 0 : dims[0];
        int rank = flat.dim();
        int[] perm = new int[rank];
        int[] inverse = new int[rank];
        for (int i = 0, k = 0; i < rank; i++) {
            if (i != dim) {
                perm[k++] = i;
            }
        }
        perm[rank - 1] = dim;
        for (int i = 0; i < rank; i++) {
            inverse[perm[i]] = i;
        }
        Tensor last = flat.permute(perm);
        long[] s = last.shape();
        long n = s[rank - 1];
        long[] row = java.util.Arrays.copyOf(s, rank + 1);
        row[rank - 1] = 1;
        row[rank] = n;
        long[] square = row.clone();
        square[rank - 1] = n;
        Tensor diagonal = Tensor.eye(n).eq(1.0);
        Tensor rows = Tensor.where(diagonal, Tensor.scalar(1.0, v.dtype()), last.reshape(row).expand(square));
        return apply(rows, new int[] {rank}, false).permute(inverse).reshape(inputShape);
    }
}
