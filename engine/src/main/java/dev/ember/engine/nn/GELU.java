package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Gaussian error linear unit, exact ({@code "none"}) or with the tanh approximation
 * ({@code "tanh"}); mirrors {@code torch.nn.GELU(approximate)}.
 */
public class GELU extends Module {
    private final String approximate;

    /** The exact erf form ({@code approximate='none'}). */
    public GELU() {
        this("none");
    }

    public GELU(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '" + approximate + "'");
        }
        this.approximate = approximate;
    }

    public String approximate() {
        return approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.gelu(approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate=" + PyRepr.pyString(approximate);
    }
}
