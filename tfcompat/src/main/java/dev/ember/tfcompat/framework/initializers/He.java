package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.types.family.TFloating;

/** He: scale 2, fan in {@link VarianceScaling}; mirrors {@code org.tensorflow.framework.initializers.He}. */
public class He<T extends TFloating> extends VarianceScaling<T> {
    public static final double SCALE = 2.0;

    public He(Distribution distribution, long seed) {
        super(2.0, Mode.FAN_IN, distribution, seed);
    }
}
