package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.Broadcasting;

/** True division {@code a / b} with broadcasting (ints give float32); mirrors {@code torch.div} ({@code DivBackward0}). */
public final class Div extends Node {
    private final SavedTensor a;
    private final SavedTensor b;
    private final long[] aShape;
    private final long[] bShape;

    private Div(Tensor a, Tensor b) {
        super(a, b);
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = save(b);
        aShape = a.shape();
        bShape = b.shape();
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Operands o = Operands.binary("div", BinaryOp.DIV, a, b, true);
        return record(o.out, () -> new Div(o.a, o.b), o.a, o.b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor bv = b.get();
        return new Tensor[] {
            needsInputGrad(0) ? Broadcasting.sumTo(g.div(bv), aShape) : null,
            // d(a/b)/db = -a / b^2
            needsInputGrad(1) ? Broadcasting.sumTo(g.mul(a.get()).div(bv.mul(bv)).neg(), bShape) : null};
    }
}
