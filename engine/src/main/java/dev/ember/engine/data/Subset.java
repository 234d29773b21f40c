package dev.ember.engine.data;

import java.util.Arrays;

/**
 * The samples of another dataset at given indices, in that order; mirrors
 * {@code torch.utils.data.Subset}.
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    /** The samples of {@code dataset} at {@code indices} (copied; each must be in range). */
    public Subset(Dataset<T> dataset, int[] indices) {
        if (dataset == null || indices == null) {
            throw new IllegalArgumentException("Subset: dataset and indices must not be null");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dataset.size()) {
                throw new IndexOutOfBoundsException("Subset: indices[" + i + "] = " + indices[i]
                        + " is out of range for a dataset of size " + dataset.size());
            }
        }
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    /** The underlying dataset; mirrors {@code subset.dataset}. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** The indices into {@link #dataset()}; a copy. Mirrors {@code subset.indices}. */
    public int[] indices() {
        return indices.clone();
    }

    /** The underlying dataset's indices of samples {@code idx} of this subset. */
    int[] map(int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            Indexes.check("Subset", idx[i], indices.length);
            out[i] = indices[idx[i]];
        }
        return out;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        Indexes.check("Subset", index, indices.length);
        return dataset.get(indices[index]);
    }

    @Override
    public String toString() {
        return "Subset(size=" + indices.length + ", indices=" + (indices.length <= 8 ? Arrays.toString(indices)
                : Arrays.toString(Arrays.copyOf(indices, 8)).replace("]", ", ...]")) + ")";
    }
}
