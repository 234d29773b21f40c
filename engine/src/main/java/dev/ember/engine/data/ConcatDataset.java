package dev.ember.engine.data;

import java.util.Arrays;
import java.util.List;

/**
 * Several datasets one after another; mirrors {@code torch.utils.data.ConcatDataset}.
 *
 * @param <T> the sample type
 */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<? extends T>> datasets;
    private final int[] ends;

    /** The datasets in order; there must be at least one. */
    public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
        if (datasets == null || datasets.isEmpty()) {
            throw new IllegalArgumentException("ConcatDataset: datasets should not be an empty iterable");
        }
        this.datasets = List.copyOf(datasets);
        this.ends = new int[datasets.size()];
        long total = 0;
        for (int i = 0; i < ends.length; i++) {
            total += this.datasets.get(i).size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ConcatDataset: more than " + Integer.MAX_VALUE + " samples");
            }
            ends[i] = (int) total;
        }
    }

    /** {@code new ConcatDataset<>(List.of(datasets))}. */
    @SafeVarargs
    public static <T> ConcatDataset<T> of(Dataset<? extends T>... datasets) {
        return new ConcatDataset<>(List.of(datasets));
    }

    /** Running totals of the sizes; mirrors {@code cumulative_sizes}. */
    public int[] cumulativeSizes() {
        return ends.clone();
    }

    @Override
    public int size() {
        return ends[ends.length - 1];
    }

    @Override
    public T get(int index) {
        Indexes.check("ConcatDataset", index, size());
        int i = Arrays.binarySearch(ends, index);
        int d = i >= 0 ? i + 1 : -i - 1; // first dataset whose end is > index
        while (datasets.get(d).size() == 0) {
            d++;
        }
        return datasets.get(d).get(index - (d == 0 ? 0 : ends[d - 1]));
    }
}
