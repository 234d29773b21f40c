package dev.ember.engine.data;

import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

/** {@code 0, 1, ..., size-1}; mirrors {@code torch.utils.data.SequentialSampler}. */
public final class SequentialSampler implements Sampler {
    private final int size;

    /** Indices of a dataset with {@code size} samples. */
    public SequentialSampler(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("SequentialSampler: size must be >= 0, got " + size);
        }
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public PrimitiveIterator.OfInt iterator() {
        return IntStream.range(0, size).iterator();
    }
}
