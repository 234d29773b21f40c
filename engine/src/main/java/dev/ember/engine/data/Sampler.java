package dev.ember.engine.data;

import java.util.PrimitiveIterator;

/**
 * The order in which a {@link DataLoader} visits dataset indices; mirrors
 * {@code torch.utils.data.Sampler}. Each {@link #iterator()} call is one epoch.
 */
public interface Sampler extends Iterable<Integer> {
    /** The number of indices one epoch yields; mirrors {@code len(sampler)}. */
    int size();

    /** One epoch of indices. */
    @Override
    PrimitiveIterator.OfInt iterator();
}
