package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** {@code x} for {@code x > 0}, else {@code alpha (e^x - 1)}; mirrors {@code torch.nn.ELU(alpha)}. */
public class ELU extends Module {
    private final double alpha;

    /** Alpha 1.0, PyTorch's default. */
    public ELU() {
        this(1.0);
    }

    public ELU(double alpha) {
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.elu(alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + PyRepr.pyFloat(alpha);
    }
}
