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
 * {@code hi}, as in PyTorch.
 */
public final class Clamp extends Node {
    private final SavedTensor x;
    private final double lo;
    private final double hi;

    private Clamp(Tensor x, double lo, double hi) {
        super(x);
        this.x = save(x);
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public String name() {
        return "ClampBackward1";
    }

    public static Tensor apply(Tensor x, double lo, double hi) {
        Tensor in = operand("clamp", x, lo, hi);
        Tensor out = Tensor.wrap(Kernels.elementwise().binaryScalar(BinaryOp.MINIMUM,
                Kernels.elementwise().binaryScalar(BinaryOp.MAXIMUM, in.array(), lo), hi));
        return record(out, () -> new Clamp(in, lo, hi), in);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        return new Tensor[] {Tensor.where(v.ge(lo).logicalAnd(v.le(hi)), g, Operands.zero(g))};
    }

    /** {@code x} promoted as PyTorch promotes it with the scalar bounds (int with 0.5 gives float32); no bools. */
    static Tensor operand(String op, Tensor x, double... bounds) {
        DType t = x.dtype();
        for (double b : bounds) {
            t = DType.promote(t, Promotion.scalarType(x.dtype(), b));
        }
        if (t == DType.BOOL) {
            throw new IllegalArgumentException(op + ": not supported for bool tensors");
        }
        return x.to(t);
    }
}
