package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * Inverted dropout; mirrors {@code torch.nn.Dropout(p=0.5)}: in training mode each element is
 * zeroed with probability {@code p} (mask from the default generator, so {@code Ember.manualSeed}
 * makes it repeat) and the rest scaled by {@code 1/(1-p)}; in evaluation mode it returns its input.
 */
public class Dropout extends Module {
    private final double p;

    /** {@code nn.Dropout()}: p = 0.5. */
    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: dropout probability has to be between 0 and 1, but got "
                    + PyRepr.pyFloat(p));
        }
        this.p = p;
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout(input, p, isTraining());
    }

    @Override
    protected String extraRepr() {
        return "p=" + PyRepr.pyFloat(p) + ", inplace=False";
    }
}
