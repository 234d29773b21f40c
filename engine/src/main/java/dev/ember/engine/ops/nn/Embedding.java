package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Checks;

/**
 * Rows of {@code weight} picked by integer {@code indices}; mirrors
 * {@code torch.nn.functional.embedding} ({@code EmbeddingBackward0}). The output has shape
 * {@code indices.shape + [embedding_dim]}. The weight gradient adds each output gradient row into
 * its index's row (index_add); the row {@code paddingIdx} gets no gradient.
 */
public final class Embedding extends Node {
    private final Tensor flatIndices;
    private final long[] weightShape;
    private final long paddingIdx;

    private Embedding(Tensor weight, Tensor flatIndices, long paddingIdx) {
        super(weight);
        this.flatIndices = flatIndices;
        this.weightShape = weight.shape();
        this.paddingIdx = paddingIdx;
    }

    /**
     * {@code F.embedding(indices, weight, padding_idx)}: {@code paddingIdx} null for none; negative
     * counts from the end, as in PyTorch.
     */
    public static Tensor apply(Tensor indices, Tensor weight, Long paddingIdxOrNull) {
        String op = "embedding";
        Checks.integral(op, "indices", indices);
        Checks.rank(op, "weight", weight, 2, "(num_embeddings, embedding_dim)");
        long num = weight.size(0);
        long paddingIdx = -1;
        if (paddingIdxOrNull != null) {
            long p = paddingIdxOrNull;
            if (p < -num || p >= num) {
                throw new IllegalArgumentException(op + ": paddingIdx must be within num_embeddings (" + (-num) + ".."
                        + (num - 1) + "), got " + p);
            }
            paddingIdx = p < 0 ? p + num : p;
        }
        long[] values = indices.toLongArray();
        for (long v : values) {
            if (v < 0 || v >= num) {
                throw new IndexOutOfBoundsException(op + ": index " + v + " is out of range for " + num
                        + " embeddings (valid indices are 0.." + (num - 1) + ")");
            }
        }
        Tensor flat = Tensor.fromArray(values, values.length);
        long[] outShape = java.util.Arrays.copyOf(indices.shape(), indices.dim() + 1);
        outShape[indices.dim()] = weight.size(1);
        return select(weight, flat, paddingIdx, outShape);
    }

    private static Tensor select(Tensor weight, Tensor flat, long paddingIdx, long[] outShape) {
        Array rows = Kernels.shape().indexSelect(weight.array(), 0, flat.array());
        Tensor out = Tensor.wrap(NnArgs.reshape(rows, outShape));
        return record(out, () -> new Embedding(weight, flat, paddingIdx), weight);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        long n = flatIndices.size(0);
        Tensor rows = g.reshape(n, weightShape[1]);
        if (paddingIdx >= 0) {
            Tensor keep = flatIndices.ne((double) paddingIdx).to(g.dtype()).reshape(n, 1);
            rows = rows.mul(keep);
        }
        return new Tensor[] {IndexAdd.apply(rows, flatIndices, weightShape)};
    }

    /** The weight gradient (embedding_dense_backward) as a differentiable op: its gradient selects rows again. */
    static final class IndexAdd extends Node {
        private final Tensor flatIndices;

        private IndexAdd(Tensor rows, Tensor flatIndices) {
            super(rows);
            this.flatIndices = flatIndices;
        }

        @Override
        public String name() {
            return "EmbeddingDenseBackwardBackward0";
        }

        static Tensor apply(Tensor rows, Tensor flatIndices, long[] weightShape) {
            Array base = Kernels.creation().zeros(weightShape, rows.dtype());
            Tensor out = Tensor.wrap(Kernels.shape().indexAdd(base, 0, flatIndices.array(), rows.array()));
            return record(out, () -> new IndexAdd(rows, flatIndices), rows);
        }

        @Override
        protected Tensor[] backward(Tensor g) {
            long[] shape = {flatIndices.size(0), g.size(1)};
            return new Tensor[] {select(g, flatIndices, -1, shape)};
        }
    }
}
