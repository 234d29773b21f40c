package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;

/** Inner product of two 1-D tensors (0-D result); mirrors {@code torch.dot} ({@code DotBackward0}). */
public final class Dot extends Node {
    private final SavedTensor a;
    private final SavedTensor b;

    private Dot(Tensor a, Tensor b) {
        super(a, b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
    }

    /** {@code torch.dot(a, b)}: both 1-D of one size and dtype. */
    public static Tensor apply(Tensor a, Tensor b) {
        Checks.rank("dot", "self", a, 1, null);
        Checks.rank("dot", "other", b, 1, null);
        Products.sameFloating("dot", "self", a, "other", b);
        long n = a.size(0);
        if (b.size(0) != n) {
            throw new IllegalArgumentException("dot: expected 1-D tensors of the same size, got "
                    + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
        }
        Array row = Mv.reshaped(a.array(), new long[] {1, n});
        Array col = Mv.reshaped(b.array(), new long[] {n, 1});
        Array prod = Kernels.linalg().matmul(row, col, false, false);
        Tensor out = Tensor.wrap(Mv.reshaped(prod, new long[0]));
        return record(out, () -> new Dot(a, b), a, b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? g.mul(b.get()) : null,
            needsInputGrad(1) ? g.mul(a.get()) : null};
    }
}
