package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.Broadcasting;

/**
 * Elementwise maximum with broadcasting (NaN wins); mirrors {@code torch.maximum}
 * ({@code MaximumBackward0}: on ties each input gets half the gradient).
 */
public final class Maximum extends Node {
    private final SavedTensor a;
    private final SavedTensor b;
    private final long[] aShape;
    private final long[] bShape;

    private Maximum(Tensor a, Tensor b) {
        super(a, b);
        this.a = save(a);
        this.b = save(b);
        aShape = a.shape();
        bShape = b.shape();
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Operands o = Operands.binary("maximum", BinaryOp.MAXIMUM, a, b, false);
        return record(o.out, () -> new Maximum(o.a, o.b), o.a, o.b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = a.get();
        Tensor y = b.get();
        return new Tensor[] {
            needsInputGrad(0) ? Broadcasting.sumTo(share(g, x, y, x.lt(y)), aShape) : null,
            needsInputGrad(1) ? Broadcasting.sumTo(share(g, x, y, x.gt(y)), bShape) : null};
    }

    /** {@code g} where this input won, half of it on ties, 0 where it {@code lost}: PyTorch's split. */
    static Tensor share(Tensor g, Tensor x, Tensor y, Tensor lost) {
        Tensor zero = Operands.zero(g);
        return Tensor.where(lost, zero, Tensor.where(x.eq(y), g.mul(0.5), g));
    }
}
