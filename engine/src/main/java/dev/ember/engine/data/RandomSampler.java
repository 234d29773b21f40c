package dev.ember.engine.data;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import java.util.Arrays;
import java.util.PrimitiveIterator;

/**
 * Random indices; mirrors {@code torch.utils.data.RandomSampler}. Without replacement each
 * epoch ({@link #iterator()} call) is a new permutation drawn from the generator; with
 * replacement, {@code numSamples} uniform draws. Without a generator, each epoch seeds a fresh
 * one from {@link Ember#defaultGenerator()}, as PyTorch does, so {@code Ember.manualSeed} makes
 * runs repeatable either way.
 */
public final class RandomSampler implements Sampler {
    private final int size;
    private final boolean replacement;
    private final int numSamples;
    private final Generator generator;

    /** A new permutation of {@code 0..size-1} per epoch, drawn from {@code generator} (may be null). */
    public RandomSampler(int size, Generator generator) {
        this(size, false, size, generator);
    }

    /** Mirrors {@code RandomSampler(data_source, replacement, num_samples, generator)}. */
    public RandomSampler(int size, boolean replacement, int numSamples, Generator generator) {
        if (size < 0) {
            throw new IllegalArgumentException("RandomSampler: size must be >= 0, got " + size);
        }
        if (numSamples < 0 || (!replacement && numSamples != size)) {
            throw new IllegalArgumentException("RandomSampler: numSamples should be a non-negative integer "
                    + (replacement ? "" : "equal to the dataset size without replacement ") + "value, but got numSamples="
                    + numSamples + " (size " + size + ")");
        }
        if (replacement && size == 0 && numSamples > 0) {
            throw new IllegalArgumentException("RandomSampler: cannot draw " + numSamples + " samples from an empty dataset");
        }
        this.size = size;
        this.replacement = replacement;
        this.numSamples = numSamples;
        this.generator = generator;
    }

    @Override
    public int size() {
        return numSamples;
    }

    @Override
    public PrimitiveIterator.OfInt iterator() {
        Generator g = generator != null ? generator : new Generator(Ember.defaultGenerator().nextLong());
        if (!replacement) {
            return Arrays.stream(Datasets.randperm(size, g)).iterator();
        }
        int[] draws = new int[numSamples];
        for (int i = 0; i < numSamples; i++) {
            draws[i] = (int) g.nextLong(size);
        }
        return Arrays.stream(draws).iterator();
    }
}
