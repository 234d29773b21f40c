package dev.ember.tfcompat.runtime.kernels;

import dev.ember.engine.GradMode;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import dev.ember.tfcompat.runtime.KernelContext;
import java.util.function.UnaryOperator;

/**
 * Vector-Jacobian products of engine functions, for TF gradient ops that are the gradient of one of
 * tfcompat's forward computations ({@code MaxPoolGrad}, {@code AvgPoolGrad}, {@code LRNGrad}): the
 * gradient op then agrees with the engine's own autograd of the forward op by construction.
 */
final class Vjp {
    private Vjp() {
    }

    /**
     * {@code (d f / d x)^T g} at {@code x}. The result depends on {@code g} differentiably when a graph
     * is being recorded (gradients of gradients); {@code x} itself is treated as a constant, as TF's
     * gradient ops treat their forward inputs.
     */
    static Tensor of(UnaryOperator<Tensor> f, Tensor x, Tensor g) {
        return of(f, x, g, false);
    }

    /** {@link #of(UnaryOperator, Tensor, Tensor)}, recording a graph of the result also when {@code differentiable}. */
    static Tensor of(UnaryOperator<Tensor> f, Tensor x, Tensor g, boolean differentiable) {
        boolean createGraph = differentiable || GradMode.isEnabled() && g.requiresGrad();
        try (NoGrad ignored = NoGrad.enableGrad()) {
            Tensor leaf = x.detach().requiresGrad_(true);
            Tensor y = f.apply(leaf);
            Tensor dx = Autograd.grad(new Tensor[] {y}, new Tensor[] {leaf}, new Tensor[] {g.to(y.dtype())}, false,
                    createGraph, true)[0];
            return dx != null ? dx : Tensor.zerosLike(leaf.detach());
        }
    }

    /** Fails naming the node unless {@code t} is float or double (the engine's differentiable types). */
    static void floating(KernelContext ctx, String what, Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw ctx.invalid(what + " must be float or double on the engine, got " + t.dtype());
        }
    }
}
