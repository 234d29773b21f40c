package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.Broadcasting;

/** {@code a * b} with broadcasting; mirrors {@code torch.mul} ({@code MulBackward0}). */
public final class Mul extends Node {
    private final SavedTensor a;
    private final SavedTensor b;
    private final long[] aShape;
    private final long[] bShape;

    private Mul(Tensor a, Tensor b) {
        super(a, b);
        // Each input's gradient needs only the other input: save just what is needed.
        this.a = needsInputGrad(1) ? save(a) : null;
        this.b = needsInputGrad(0) ? save(b) : null;
        aShape = a.shape();
        bShape = b.shape();
    }

    public static Tensor apply(Tensor a, Tensor b) {
        Operands o = Operands.binary("mul", BinaryOp.MUL, a, b, false);
        return record(o.out, () -> new Mul(o.a, o.b), o.a, o.b);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? Broadcasting.sumTo(g.mul(b.get()), aShape) : null,
            needsInputGrad(1) ? Broadcasting.sumTo(g.mul(a.get()), bShape) : null};
    }
}
