package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.Broadcasting;

/** {@code a + b} with broadcasting; mirrors {@code torch.add} ({@code AddBackward0}). */
public final class Add extends Node {
    private final long[] aShape;
    private final long[] bShape;

    private Add(Tensor a, Tensor b) {
        super(a, b);
        aShape = a.shape();
        bShape = b.shape();
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Operands o = Operands.binary("add", BinaryOp.ADD, a, b, false);
        return record(o.out, () -> new Add(o.a, o.b), o.a, o.b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? Broadcasting.sumTo(g, aShape) : null,
            needsInputGrad(1) ? Broadcasting.sumTo(g, bShape) : null};
    }
}
