package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;

/** {@code max(x, lo)}; mirrors {@code torch.clamp_min} ({@code ClampMinBackward0}: gradient where {@code x >= lo}). */
public final class ClampMin extends Node {
    private final SavedTensor inside;

    private ClampMin(Tensor x, Tensor inside) {
        super(x);
        this.inside = save(inside);
    }

    public static Tensor apply(Tensor x, double lo) {
        Tensor in = Clamp.operand(x, lo);
        Tensor out = Tensor.wrap(Kernels.elementwise().binaryScalar(BinaryOp.MAXIMUM, in.array(), lo));
        return record(out, () -> new ClampMin(in, in.ge(lo)), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.where(inside.get(), g, Operands.zero(g))};
    }
}
