package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Promotion;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * Matrix products; mirrors {@code torch.matmul}: 1-D operands get a dimension added and removed,
 * batch dimensions broadcast, and the core is a (batched) matrix product node
 * ({@code MmBackward0} for 2-D, {@code BmmBackward0} above) that can transpose either side.
 */
public final class Matmul extends Node {
    private final SavedTensor a;
    private final SavedTensor b;
    private final boolean ta;
    private final boolean tb;
    private final int rank;

    private Matmul(Tensor a, Tensor b, boolean ta, boolean tb) {
        super(a, b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
        this.ta = ta;
        this.tb = tb;
        this.rank = a.dim();
    }

    @Override
    public String name() {
        return rank == 2 ? "MmBackward0" : "BmmBackward0";
    }

    /** {@code torch.matmul(a, b)}. */
    public static Tensor apply(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need at least 1 dimension, got shapes "
                    + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        }
        Tensor[] ab = Promotion.common(a, b);
        if (!ab[0].dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("matmul: integer and bool tensors are not supported (got "
                    + ab[0].dtype() + "); convert with .to(DType.FLOAT32)");
        }
        Tensor x = a.dim() == 1 ? ab[0].reshape(1, a.size(0)) : ab[0];
        Tensor y = b.dim() == 1 ? ab[1].reshape(b.size(0), 1) : ab[1];
        long[] xs = x.shape();
        long[] ys = y.shape();
        long k1 = xs[xs.length - 1];
        long k2 = ys[ys.length - 2];
        if (k1 != k2) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape()) + " and "
                    + Shapes.str(b.shape()) + " cannot be multiplied (" + xs[xs.length - 2] + "x" + k1 + " and "
                    + k2 + "x" + ys[ys.length - 1] + ")");
        }
        long m = xs[xs.length - 2];
        long n = ys[ys.length - 1];
        Tensor out;
        if (x.dim() == 2 && y.dim() == 2) {
            out = mm(x, y, false, false);
        } else {
            long[] batch = Shapes.broadcast("matmul", Arrays.copyOf(xs, xs.length - 2), Arrays.copyOf(ys, ys.length - 2));
            x = x.broadcastTo(concat(batch, m, k1));
            y = y.broadcastTo(concat(batch, k1, n));
            out = mm(x, y, false, false);
        }
        if (a.dim() == 1 && b.dim() == 1) {
            return out.reshape();
        }
        if (a.dim() == 1) {
            long[] s = out.shape();
            return out.reshape(dropAt(s, s.length - 2));
        }
        if (b.dim() == 1) {
            long[] s = out.shape();
            return out.reshape(dropAt(s, s.length - 1));
        }
        return out;
    }

    /** {@code op(a) @ op(b)} on equal-rank operands with equal batch dims; the differentiable core. */
    public static Tensor mm(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        Tensor out = Tensor.wrap(Kernels.linalg().matmul(a.array(), b.array(), transposeA, transposeB));
        return record(out, () -> new Matmul(a, b, transposeA, transposeB), a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor ga = null;
        Tensor gb = null;
        if (needsInputGrad(0)) {
            Tensor bv = b.get();
            // C = op(A) op(B): dA = g op(B)^T (transposed back when A was used transposed).
            ga = ta ? mm(bv, g, tb, true) : mm(g, bv, false, !tb);
        }
        if (needsInputGrad(1)) {
            Tensor av = a.get();
            gb = tb ? mm(g, av, true, ta) : mm(av, g, !ta, false);
        }
        return new Tensor[] {ga, gb};
    }

    private static long[] concat(long[] batch, long r, long c) {
        long[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }

    private static long[] dropAt(long[] s, int i) {
        long[] r = new long[s.length - 1];
        for (int k = 0, j = 0; k < s.length; k++) {
            if (k != i) {
                r[j++] = s[k];
            }
        }
        return r;
    }
}
