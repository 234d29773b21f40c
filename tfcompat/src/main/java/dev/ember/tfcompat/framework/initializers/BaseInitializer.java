package dev.ember.tfcompat.framework.initializers;

import dev.ember.tfcompat.types.family.TType;

/** Base of the initializers; mirrors {@code org.tensorflow.framework.initializers.BaseInitializer}. */
public abstract class BaseInitializer<T extends TType> implements Initializer<T> {
    private final String name;

    protected BaseInitializer() {
        this.name = getClass().getSimpleName();
    }

    /** The initializer's name (its class's simple name). */
    public String getName() {
        return name;
    }
}
