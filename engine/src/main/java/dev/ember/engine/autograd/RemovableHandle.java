package dev.ember.engine.autograd;

/** Returned by hook registrations; {@link #remove()} unregisters. Mirrors {@code torch.utils.hooks.RemovableHandle}. */
@FunctionalInterface
public interface RemovableHandle {
    /** Unregisters the hook; calling twice is harmless. */
    void remove();
}
