package dev.ember.engine.backend;

/** Views, copies, concatenation and index-based gathering and scattering. */
public interface ShapeKernels {
    /** A view with the new shape when the layout allows one, else {@code null}. */
    Array viewOrNull(Array a, long[] shape);

    /** A row-major copy reshaped (always a new buffer). */
    Array reshapeCopy(Array a, long[] shape);

    /** A view with dimensions reordered. */
    Array permute(Array a, int[] dims);

    /** {@code a} broadcast to {@code shape} (a materialised copy). */
    Array expand(Array a, long[] shape);

    /**
     * A view of {@code start, start+step, ... < end} along {@code dim}; {@code 0 <= start <= end <= size},
     * {@code step > 0} (callers clamp Python-style bounds first).
     */
    Array slice(Array a, int dim, long start, long end, long step);

    /**
     * A view of {@code a}'s storage with {@code shape} and element {@code strides}, starting {@code offset}
     * elements after {@code a}'s first element (PyTorch's {@code as_strided}, relative to {@code a}).
     * The caller guarantees every addressed element lies inside {@code a}'s storage.
     */
    Array asStrided(Array a, long[] shape, long[] strides, long offset);

    /** Element strides of {@code a}, outermost first (what {@code tensor.stride()} reports). */
    long[] strides(Array a);

    /** A copy of {@code a} with the elements reversed along each of {@code dims} (torch.flip). */
    Array flip(Array a, int[] dims);

    /** {@code true} when elements are laid out row-major without gaps. */
    boolean isContiguous(Array a);

    /** A row-major copy. */
    Array contiguous(Array a);

    /** Joins arrays of one dtype along {@code dim}. */
    Array cat(Array[] parts, int dim);

    /** {@code out[i][j][k] = a[index[i][j][k]][j][k]} for {@code dim = 0} (torch.gather). */
    Array gather(Array a, int dim, Array index);

    /** A copy of {@code base} with {@code src} added at {@code index} along {@code dim} (torch.scatter_add). */
    Array scatterAdd(Array base, int dim, Array index, Array src);

    /** Entries of {@code a} at the 1-D {@code index} along {@code dim} (torch.index_select). */
    Array indexSelect(Array a, int dim, Array index);

    /** A copy of {@code base} with slices of {@code src} added at the 1-D {@code index} along {@code dim} (torch.index_add). */
    Array indexAdd(Array base, int dim, Array index, Array src);

    /** Constant padding: {@code pads[2*d]} before and {@code pads[2*d+1]} after dimension {@code d}. */
    Array pad(Array a, long[] pads, double value);
}
