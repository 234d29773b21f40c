package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;
import java.util.List;

/**
 * Consecutive views along a dimension; mirrors {@code tensor.split(split_size)} and
 * {@code tensor.chunk} ({@code SplitBackward0}) and {@code tensor.split([sizes])}
 * ({@code SplitWithSizesBackward0}).
 */
public final class Split extends Node {
    private final int dim;
    private final boolean withSizes;

    private Split(Tensor x, int dim, boolean withSizes) {
        super(x);
        this.dim = dim;
        this.withSizes = withSizes;
    }

    @Override
    public String name() {
        return withSizes ? "SplitWithSizesBackward0" : "SplitBackward0";
    }

    /** {@code x.split(splitSize, dim)}: pieces of {@code splitSize}, the last one possibly smaller. */
    public static List<Tensor> apply(Tensor x, long splitSize, int dim) {
        int d = dim("split", x, dim);
        long size = x.shape()[d];
        if (splitSize < 0) {
            throw new IllegalArgumentException("split: splitSize must be non-negative, got " + splitSize);
        }
        if (splitSize == 0 && size != 0) {
            throw new IllegalArgumentException("split: splitSize can only be 0 if the dimension size is 0, but "
                    + "dimension " + d + " has size " + size);
        }
        int n = splitSize == 0 ? 1 : (int) Math.max(1, (size + splitSize - 1) / splitSize);
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = Math.min(splitSize, size - i * splitSize);
        }
        return split(x, d, sizes, false);
    }

    /** {@code x.split([sizes], dim)}: the sizes must add up to the dimension's size exactly. */
    public static List<Tensor> apply(Tensor x, long[] sizes, int dim) {
        int d = dim("split", x, dim);
        long size = x.shape()[d];
        long sum = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split: sizes must be non-negative, got " + Arrays.toString(sizes));
            }
            sum += s;
        }
        if (sum != size) {
            throw new IllegalArgumentException("split: sizes must sum exactly to " + size + " (the size of dimension "
                    + d + " of " + Shapes.str(x.shape()) + "), got " + Arrays.toString(sizes) + " (sum " + sum + ")");
        }
        return split(x, d, sizes.clone(), true);
    }

    /** {@code x.chunk(chunks, dim)}: pieces of {@code ceil(size / chunks)}, so possibly fewer than {@code chunks}. */
    public static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk: chunks must be > 0, got " + chunks);
        }
        int d = dim("chunk", x, dim);
        long size = x.shape()[d];
        if (size == 0) {
            // PyTorch gives `chunks` empty pieces here.
            return split(x, d, new long[chunks], false);
        }
        return apply(x, (size + chunks - 1) / chunks, d);
    }

    private static int dim(String op, Tensor x, int dim) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException(op + " expects at least a 1-dimensional tensor, got a 0-dim tensor");
        }
        return Shapes.dim(op, dim, x.dim());
    }

    private static List<Tensor> split(Tensor x, int d, long[] sizes, boolean withSizes) {
        Tensor[] outs = new Tensor[sizes.length];
        long offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            outs[i] = Tensor.wrapView(Kernels.shape().slice(x.array(), d, offset, offset + sizes[i], 1), x);
            offset += sizes[i];
        }
        return List.of(recordAll(outs, () -> new Split(x, d, withSizes), x));
    }

    @Override
    protected Tensor[] backward(Tensor[] grads) {
        return new Tensor[] {Tensor.cat(dim, grads)};
    }
}
