package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.internal.Promotion;

/**
 * Gaussian error linear unit: {@code x * Phi(x)} with the exact erf form ({@code approximate "none"})
 * or the tanh approximation ({@code "tanh"}); mirrors {@code F.gelu} ({@code GeluBackward0}).
 */
public final class Gelu extends Node {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double K = Math.sqrt(2 / Math.PI);
    private static final double C = 0.044715;

    private final SavedTensor x;
    private final boolean tanh;

    private Gelu(Tensor x, boolean tanh) {
        super(x);
        this.x = save(x);
        this.tanh = tanh;
    }

    public static Tensor apply(Tensor x, String approximate) {
        boolean tanh = "tanh".equals(approximate);
        if (!tanh && !"none".equals(approximate)) {
            throw new IllegalArgumentException("gelu: approximate must be \"none\" or \"tanh\", got \""
                    + approximate + "\"");
        }
        Tensor in = Promotion.floating(x);
        Tensor out = Operands.noGrad(() -> tanh ? in.mul(inner(in).tanh().add(1.0)).mul(0.5) : in.mul(cdf(in)));
        return record(out, () -> new Gelu(in, tanh), in);
    }

    /** The standard normal CDF {@code (1 + erf(x / sqrt 2)) / 2}. */
    private static Tensor cdf(Tensor v) {
        return v.mul(SQRT_HALF).erf().add(1.0).mul(0.5);
    }

    /** {@code sqrt(2/pi) * (x + 0.044715 x^3)}, the tanh form's argument. */
    private static Tensor inner(Tensor v) {
        return v.add(v.pow(3.0).mul(C)).mul(K);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor v = x.get();
        if (!tanh) {
            // Phi(x) + x * phi(x)
            Tensor pdf = v.mul(v).mul(-0.5).exp().mul(INV_SQRT_2PI);
            return new Tensor[] {g.mul(cdf(v).add(v.mul(pdf)))};
        }
        // 0.5 (1 + t) + 0.5 x (1 - t^2) k (1 + 3c x^2), t = tanh(inner(x))
        Tensor t = inner(v).tanh();
        Tensor dInner = v.mul(v).mul(3 * C).add(1.0).mul(K);
        Tensor d = t.add(1.0).mul(0.5).add(v.mul(t.mul(t).neg().add(1.0)).mul(dInner).mul(0.5));
        return new Tensor[] {g.mul(d)};
    }
}
