package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.types.family.TFloating;

/** Glorot (Xavier): scale 1, fan average {@link VarianceScaling}; mirrors {@code org.tensorflow.framework.initializers.Glorot}. */
public class Glorot<T extends TFloating> extends VarianceScaling<T> {
    public static final double SCALE = 1.0;

    public Glorot(Distribution distribution, long seed) {
        super(1.0, Mode.FAN_AVG, distribution, seed);
    }
}
