package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Promotion;
import dev.ember.engine.internal.Shapes;
import dev.ember.engine.ops.Broadcasting;

/** {@code cond ? a : b} with broadcasting; mirrors {@code torch.where} ({@code WhereBackward0}). */
public final class Where extends Node {
    private final SavedTensor cond;
    private final long[] aShape;
    private final long[] bShape;

    private Where(Tensor cond, Tensor a, Tensor b) {
        super(a, b);
        this.cond = save(cond);
        aShape = a.shape();
        bShape = b.shape();
    }

    public static Tensor apply(Tensor cond, Tensor a, Tensor b) {
        Checks.bool("where", "condition", cond);
        Tensor[] ab = Promotion.common(a, b);
        Shapes.broadcast("where", Shapes.broadcast("where", cond.shape(), ab[0].shape()), ab[1].shape());
        Tensor out = Tensor.wrap(Kernels.elementwise().where(cond.array(), ab[0].array(), ab[1].array()));
        return record(out, () -> new Where(cond, ab[0], ab[1]), ab[0], ab[1]);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor c = cond.get();
        Tensor zero = Tensor.zeros(g.dtype(), new long[0]);
        return new Tensor[] {
            needsInputGrad(0) ? Broadcasting.sumTo(Tensor.where(c, g, zero), aShape) : null,
            needsInputGrad(1) ? Broadcasting.sumTo(Tensor.where(c, zero, g), bShape) : null};
    }
}
