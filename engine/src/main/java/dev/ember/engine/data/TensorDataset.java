package dev.ember.engine.data;

import dev.ember.engine.Tensor;
import java.util.Arrays;

/**
 * Samples that are rows of tensors sharing their first dimension: sample {@code i} is
 * {@code {t0[i], t1[i], ...}}; mirrors {@code torch.utils.data.TensorDataset}.
 *
 * <p>The values are copied into Java memory when the dataset is built, and each row is returned
 * as a new tensor without autograd history (datasets hold data, not graph nodes). With the
 * default collate, {@link DataLoader} assembles a batch of a {@code TensorDataset} directly from
 * these rows, one native allocation per tensor and batch.
 */
public final class TensorDataset implements Dataset<Tensor[]> {
    private final Rows[] rows;
    private final int size;

    /** The dataset of {@code tensors}, each with at least one dimension, all of the same size in dimension 0. */
    public TensorDataset(Tensor... tensors) {
        if (tensors == null || tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset: needs at least one tensor");
        }
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] == null || tensors[i].dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensor " + i + " must have a first dimension, got "
                        + (tensors[i] == null ? "null" : "a 0-d tensor"));
            }
            if (tensors[i].size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("TensorDataset: size mismatch between tensors: tensor " + i
                        + " has shape " + Arrays.toString(tensors[i].shape()) + ", tensor 0 has "
                        + Arrays.toString(tensors[0].shape()) + " (dimension 0 must match)");
            }
        }
        this.size = Math.toIntExact(tensors[0].size(0));
        this.rows = new Rows[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            rows[i] = Rows.of(tensors[i].detach());
        }
    }

    @Override
    public int size() {
        return size;
    }

    /** {@code {t0[index], t1[index], ...}}, new tensors. */
    @Override
    public Tensor[] get(int index) {
        Indexes.check("TensorDataset", index, size);
        Tensor[] out = new Tensor[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].row(index);
        }
        return out;
    }

    /** The rows at {@code indices} stacked: what the default collate makes of those samples. */
    Tensor[] gather(int[] indices) {
        for (int i : indices) {
            Indexes.check("TensorDataset", i, size);
        }
        Tensor[] out = new Tensor[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].gather(indices);
        }
        return out;
    }
}
