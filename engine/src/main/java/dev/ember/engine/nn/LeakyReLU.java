package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** {@code x} for {@code x >= 0}, else {@code negativeSlope * x}; mirrors {@code torch.nn.LeakyReLU(negative_slope)}. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    /** Slope 0.01, PyTorch's default. */
    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negative_slope=" + PyRepr.pyFloat(negativeSlope);
    }
}
