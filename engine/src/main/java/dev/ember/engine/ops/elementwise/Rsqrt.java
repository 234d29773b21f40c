package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** {@code 1 / sqrt(x)}; mirrors {@code torch.rsqrt} ({@code RsqrtBackward0}). */
public final class Rsqrt extends Node {
    private final SavedTensor result;

    private Rsqrt(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unaryFloating(UnaryOp.RSQRT, x);
        return record(o.out, () -> new Rsqrt(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        // d/dx x^(-1/2) = -1/2 x^(-3/2) = -1/2 result^3
        return new Tensor[] {g.mul(result.get().pow(3.0)).mul(-0.5)};
    }
}
