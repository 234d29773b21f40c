package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}; mirrors
 * {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}. The weight
 * {@code (num_embeddings, embedding_dim)} is drawn from N(0, 1), like PyTorch; the row
 * {@code paddingIdx} (negative counts from the end) starts at zero and gets no gradient.
 * The input is a tensor of int64/int32 indices of any shape; the output adds a last dimension.
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Tensor weight;

    /** {@code nn.Embedding(num_embeddings, embedding_dim)}. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    /** {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}; {@code paddingIdx} null for none. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, Tensor.zeros(checkSizes(numEmbeddings, embeddingDim),
                embeddingDim));
        resetParameters();
    }

    private Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Tensor weight) {
        checkSizes(numEmbeddings, embeddingDim);
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("Embedding: padding_idx must be within num_embeddings (-"
                    + numEmbeddings + ".." + (numEmbeddings - 1) + "), got " + paddingIdx);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.weight = registerParameter("weight", weight);
    }

    private static int checkSizes(int numEmbeddings, int embeddingDim) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException("Embedding: num_embeddings and embedding_dim must be > 0, got "
                    + numEmbeddings + ", " + embeddingDim);
        }
        return numEmbeddings;
    }

    /**
     * An embedding holding {@code embeddings} {@code (num, dim)} (sharing its storage, not zeroing
     * the padding row), trained unless {@code freeze}; mirrors
     * {@code nn.Embedding.from_pretrained(embeddings, freeze, padding_idx)}.
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Integer paddingIdx) {
        if (embeddings.dim() != 2) {
            throw new IllegalArgumentException("Embedding.fromPretrained: embeddings must be 2-dimensional "
                    + "(num_embeddings, embedding_dim), got shape " + java.util.Arrays.toString(embeddings.shape()));
        }
        Embedding e = new Embedding(Math.toIntExact(embeddings.size(0)), Math.toIntExact(embeddings.size(1)),
                paddingIdx, embeddings.detach());
        e.weight.requiresGrad_(!freeze);
        return e;
    }

    /** {@code fromPretrained(embeddings, true, null)}: frozen, no padding row. */
    public static Embedding fromPretrained(Tensor embeddings) {
        return fromPretrained(embeddings, true, null);
    }

    /** Re-draws the weight from N(0, 1) and zeroes the padding row; mirrors {@code reset_parameters()}. */
    public void resetParameters() {
        Init.normal_(weight, 0, 1);
        if (paddingIdx != null) {
            try (dev.ember.engine.NoGrad ignored = dev.ember.engine.NoGrad.enter()) {
                weight.select(0, paddingIdx).fill_(0);
            }
        }
    }

    public Tensor weight() {
        return weight;
    }

    public int numEmbeddings() {
        return numEmbeddings;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    /** The padding row (non-negative), or {@code null}. */
    public Integer paddingIdx() {
        return paddingIdx;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.embedding(input, weight, paddingIdx == null ? null : (long) paddingIdx);
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
