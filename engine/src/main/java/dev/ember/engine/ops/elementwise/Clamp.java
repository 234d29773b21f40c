package dev.ember.engine.ops.elementwise;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Promotion;

/**
 * {@code min(max(x, lo), hi)}; mirrors {@code torch.clamp(x, min, max)} ({@code ClampBackward1}: the
 * gradient passes where {@code lo <= x <= hi}, 0 outside). When {@code lo > hi} every element is
 * {@code hi}, as in PyTorch. The clamp ops save that bool mask rather than {@code x}, so that
 * {@code clamp_} may overwrite {@code x}.
 */
public final class Clamp extends Node {
    private final SavedTensor inside;

    private Clamp(Tensor x, Tensor inside) {
        super(x);
        this.inside = save(inside);
    }

    @Override
    public String name() {
        return "ClampBackward1";
    }

    public static Tensor apply(Tensor x, double lo, double hi) {
        Tensor in = operand(x, lo, hi);
        Tensor out = Tensor.wrap(Kernels.elementwise().binaryScalar(BinaryOp.MINIMUM,
                Kernels.elementwise().binaryScalar(BinaryOp.MAXIMUM, in.array(), lo), hi));
        return record(out, () -> new Clamp(in, in.ge(lo).logicalAnd(in.le(hi))), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Tensor.where(inside.get(), g, Operands.zero(g))};
    }

    /** {@code x} promoted as PyTorch promotes it with the scalar bounds (int with 0.5 gives float32, bool int64). */
    static Tensor operand(Tensor x, double... bounds) {
        DType t = x.dtype();
        for (double b : bounds) {
            t = DType.promote(t, Promotion.scalarType(x.dtype(), b));
        }
        return x.to(t);
    }
}
