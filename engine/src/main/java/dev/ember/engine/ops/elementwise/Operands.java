package dev.ember.engine.ops.elementwise;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.UnaryOp;
import dev.ember.engine.internal.Promotion;
import dev.ember.engine.internal.Shapes;

/** Shared forward plumbing of elementwise ops: promotion, broadcasting checks, kernel call. */
final class Operands {
    final Tensor a;
    final Tensor b;
    final Tensor out;

    private Operands(Tensor a, Tensor b, Tensor out) {
        this.a = a;
        this.b = b;
        this.out = out;
    }

    /** Promotes (to floating when asked), checks broadcasting, runs {@code kernel}. Bool arithmetic is refused. */
    static Operands binary(String op, BinaryOp kernel, Tensor a, Tensor b, boolean floating) {
        Tensor[] ab = floating ? Promotion.commonFloating(a, b) : Promotion.common(a, b);
        if (ab[0].dtype() == DType.BOOL && !kernel.isComparison()) {
            throw new IllegalArgumentException(op + ": arithmetic on bool tensors is not supported; "
                    + "convert with .to(DType.INT64) or use logical ops");
        }
        Shapes.broadcast(op, ab[0].shape(), ab[1].shape());
        Tensor out = Tensor.wrap(Kernels.elementwise().binary(kernel, ab[0].array(), ab[1].array()));
        return new Operands(ab[0], ab[1], out);
    }

    /** Runs a floating-point unary kernel (ints promote to float32). */
    static Operands unaryFloating(UnaryOp kernel, Tensor x) {
        Tensor a = Promotion.floating(x);
        return new Operands(a, null, Tensor.wrap(Kernels.elementwise().unary(kernel, a.array())));
    }

    /** Runs {@code forward} without recording history: the forward of a primitive built from tensor ops. */
    static Tensor noGrad(java.util.function.Supplier<Tensor> forward) {
        try (NoGrad ignored = NoGrad.enter()) {
            return forward.get();
        }
    }

    /** A 0-d zero of {@code like}'s dtype, for {@code where(mask, g, 0)} in backward formulas. */
    static Tensor zero(Tensor like) {
        return Tensor.scalar(0.0, like.dtype());
    }

    /** Runs a unary kernel keeping the dtype. */
    static Operands unary(String op, UnaryOp kernel, Tensor x) {
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException(op + ": not supported for bool tensors");
        }
        return new Operands(x, null, Tensor.wrap(Kernels.elementwise().unary(kernel, x.array())));
    }
}
