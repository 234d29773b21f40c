package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;

/** {@code min(x, hi)}; mirrors {@code torch.clamp_max} ({@code ClampMaxBackward0}: gradient where {@code x <= hi}). */
public final class ClampMax extends Node {
    private final SavedTensor inside;

    private ClampMax(Tensor x, Tensor inside) {
        super(x);
        this.inside = save(inside);
    }

    public static Tensor apply(Tensor x, double hi) {
        Tensor in = Clamp.operand(x, hi);
        Tensor out = Tensor.wrap(Kernels.elementwise().binaryScalar(BinaryOp.MINIMUM, in.array(), hi));
        return record(out, () -> new ClampMax(in, in.le(hi)), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.where(inside.get(), g, Operands.zero(g))};
    }
}
