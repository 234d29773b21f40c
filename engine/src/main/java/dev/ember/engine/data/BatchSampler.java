package dev.ember.engine.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * Groups a sampler's indices into batches of {@code batchSize}; the last, shorter batch is kept
 * unless {@code dropLast}. Mirrors {@code torch.utils.data.BatchSampler}.
 */
public final class BatchSampler implements Iterable<int[]> {
    private final Sampler sampler;
    private final int batchSize;
    private final boolean dropLast;

    /** Batches of {@code sampler}'s indices. */
    public BatchSampler(Sampler sampler, int batchSize, boolean dropLast) {
        if (sampler == null) {
            throw new IllegalArgumentException("BatchSampler: sampler is null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchSampler: batchSize should be a positive integer value, but got batchSize="
                    + batchSize);
        }
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** The number of batches per epoch; mirrors {@code len(batch_sampler)}. */
    public int size() {
        int n = sampler.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether a last, incomplete batch is dropped. */
    public boolean dropLast() {
        return dropLast;
    }

    /** One epoch of batches (one {@link Sampler#iterator()} call). */
    @Override
    public Iterator<int[]> iterator() {
        PrimitiveIterator.OfInt it = sampler.iterator();
        return new Iterator<>() {
            private int[] next = advance();

            private int[] advance() {
                int[] b = new int[batchSize];
                int n = 0;
                while (n < batchSize && it.hasNext()) {
                    b[n++] = it.nextInt();
                }
                if (n == 0 || (n < batchSize && dropLast)) {
                    return null;
                }
                return n == batchSize ? b : Arrays.copyOf(b, n);
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public int[] next() {
                if (next == null) {
                    throw new NoSuchElementException("BatchSampler: epoch exhausted");
                }
                int[] out = next;
                next = advance();
                return out;
            }
        };
    }
}
