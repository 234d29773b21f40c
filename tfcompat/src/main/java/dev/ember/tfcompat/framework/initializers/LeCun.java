package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.types.family.TFloating;

/** LeCun: scale 1, fan in {@link VarianceScaling}; mirrors {@code org.tensorflow.framework.initializers.LeCun}. */
public class LeCun<T extends TFloating> extends VarianceScaling<T> {
    public LeCun(Distribution distribution, long seed) {
        super(1.0, Mode.FAN_IN, distribution, seed);
    }
}
