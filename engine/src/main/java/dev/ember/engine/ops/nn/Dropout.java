package dev.ember.engine.ops.nn;

import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;

/**
 * Inverted dropout; mirrors {@code torch.nn.functional.dropout}: in training each element is
 * zeroed with probability {@code p} and the rest scaled by {@code 1/(1-p)}; {@code p = 0} or eval
 * mode return the input itself, {@code p = 1} gives zeros. The mask comes from the given
 * {@link Generator} (the default one when null). Composite: the input times a constant mask.
 */
public final class Dropout {
    private Dropout() {
    }

    /** {@code F.dropout(x, p, training)} with the mask drawn from {@code generator} (null: the default generator). */
    public static Tensor apply(Tensor x, double p, boolean training, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout: probability has to be between 0 and 1, but got " + p);
        }
        Checks.floating("dropout", "input", x);
        if (!training || p == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(0.0);
        }
        Tensor keep = Tensor.rand(generator, x.shape()).lt(1 - p);
        return x.mul(keep.to(x.dtype()).mul(1 / (1 - p)));
    }
}
