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

    /** A view of {@code start, start+step, ... < end} along {@code dim}. */
    Array slice(Array a, int dim, long start, long end, long step);

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
