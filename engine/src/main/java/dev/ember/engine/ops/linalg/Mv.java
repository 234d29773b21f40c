package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;

/** Matrix-vector product; mirrors {@code torch.mv} ({@code MvBackward0}). */
public final class Mv extends Node {
    private final SavedTensor mat;
    private final SavedTensor vec;

    private Mv(Tensor mat, Tensor vec) {
        super(mat, vec);
        this.mat = needsInputGrad(1) ? save(mat) : null;
        this.vec = needsInputGrad(0) ? save(vec) : null;
    }

    /** {@code torch.mv(mat, vec)}: {@code [n, m] @ [m] -> [n]}. */
    public static Tensor apply(Tensor mat, Tensor vec) {
        Checks.rank("mv", "mat", mat, 2, null);
        Checks.rank("mv", "vec", vec, 1, null);
        Products.sameFloating("mv", "mat", mat, "vec", vec);
        long m = mat.size(1);
        if (vec.size(0) != m) {
            throw new IllegalArgumentException("mv: size mismatch, mat of shape " + Shapes.str(mat.shape())
                    + " needs vec of size " + m + ", got " + Shapes.str(vec.shape()));
        }
        Array col = reshaped(vec.array(), new long[] {m, 1});
        Array prod = Kernels.linalg().matmul(mat.array(), col, false, false);
        Tensor out = Tensor.wrap(reshaped(prod, new long[] {mat.size(0)}));
        return record(out, () -> new Mv(mat, vec), mat, vec);
    }

    static Array reshaped(Array a, long[] shape) {
        Array v = Kernels.shape().viewOrNull(a, shape);
        return v != null ? v : Kernels.shape().reshapeCopy(a, shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? g.outer(vec.get()) : null,
            needsInputGrad(1) ? mat.get().t().mv(g) : null};
    }
}
