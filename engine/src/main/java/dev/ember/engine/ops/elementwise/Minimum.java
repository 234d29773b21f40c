package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.Broadcasting;

/**
 * Elementwise minimum with broadcasting (NaN wins); mirrors {@code torch.minimum}
 * ({@code MinimumBackward0}: on ties each input gets half the gradient).
 */
public final class Minimum extends Node {
    private final SavedTensor a;
    private final SavedTensor b;
    private final long[] aShape;
    private final long[] bShape;

    private Minimum(Tensor a, Tensor b) {
        super(a, b);
        this.a = save(a);
        this.b = save(b);
        aShape = a.shape();
        bShape = b.shape();
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Operands o = Operands.binary("minimum", BinaryOp.MINIMUM, a, b, false);
        return record(o.out, () -> new Minimum(o.a, o.b), o.a, o.b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = a.get();
        Tensor y = b.get();
        return new Tensor[] {
            needsInputGrad(0) ? Broadcasting.sumTo(Maximum.share(g, x, y, x.gt(y)), aShape) : null,
            needsInputGrad(1) ? Broadcasting.sumTo(Maximum.share(g, x, y, x.lt(y)), bShape) : null};
    }
}
