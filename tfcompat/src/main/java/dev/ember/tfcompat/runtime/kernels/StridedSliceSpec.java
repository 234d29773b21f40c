package dev.ember.tfcompat.runtime.kernels;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.Attrs;
import java.util.ArrayList;
import java.util.List;

/**
 * A TF strided-slice specification (begin/end/strides plus the five masks) resolved against one
 * input shape, with TF's rules: at most one ellipsis (an implicit one at the end when absent),
 * new axes of size 1, shrunk dimensions removed, negative indices counted from the end, indices
 * clamped into range, masked begin/end meaning "from the start"/"to the end" in the stride's
 * direction. {@link #apply} slices an engine tensor with it (differentiably).
 */
final class StridedSliceSpec {
    private static final int NEW_AXIS = -1;
    private static final int SHRINK = -2;

    /** Per input dimension: first index, stride, number of elements taken. */
    final long[] begin;
    final long[] stride;
    final long[] size;
    /** The output shape (new axes 1, shrunk dimensions dropped). */
    final long[] finalShape;

    private StridedSliceSpec(long[] begin, long[] stride, long[] size, long[] finalShape) {
        this.begin = begin;
        this.stride = stride;
        this.size = size;
        this.finalShape = finalShape;
    }

    /** The spec for an input of {@code shape}; TF's errors, naming {@code node}. */
    static StridedSliceSpec of(Attrs node, long[] shape, long[] begin, long[] end, long[] strides) {
        if (begin.length != end.length || begin.length != strides.length) {
            throw node.invalid("Expected begin, end, and strides to be 1D equal size tensors, but got shapes ["
                    + begin.length + "], [" + end.length + "], and [" + strides.length + "] instead.");
        }
        long beginMask = node.attrLong("begin_mask", 0);
        long endMask = node.attrLong("end_mask", 0);
        long ellipsisMask = node.attrLong("ellipsis_mask", 0);
        long newAxisMask = node.attrLong("new_axis_mask", 0);
        long shrinkMask = node.attrLong("shrink_axis_mask", 0);
        int sparse = begin.length;
        boolean ellipsisSeen = false;
        int newAxesAfterEllipsis = 0;
        for (int i = 0; i < sparse; i++) {
            if (ellipsisSeen && bit(newAxisMask, i)) {
                newAxesAfterEllipsis++;
            }
            if (bit(ellipsisMask, i)) {
                if (ellipsisSeen) {
                    throw node.invalid("Multiple ellipses in slice spec not allowed");
                }
                ellipsisSeen = true;
            }
        }
        if (!ellipsisSeen) {
            ellipsisMask |= 1L << sparse;
            sparse++;
        }
        int rank = shape.length;
        long[] dBegin = new long[rank];
        long[] dEnd = new long[rank];
        long[] dStride = new long[rank];
        boolean[] dBeginMask = new boolean[rank];
        boolean[] dEndMask = new boolean[rank];
        boolean[] dShrink = new boolean[rank];
        List<Integer> gather = new ArrayList<>();
        int full = 0;
        for (int i = 0; i < sparse; i++) {
            if (bit(ellipsisMask, i)) {
                int next = Math.min(rank - (sparse - i) + 1 + newAxesAfterEllipsis, rank);
                for (; full < next; full++) {
                    dStride[full] = 1;
                    dBeginMask[full] = true;
                    dEndMask[full] = true;
                    gather.add(full);
                }
            } else if (bit(newAxisMask, i)) {
                gather.add(NEW_AXIS);
            } else {
                if (full == rank) {
                    throw node.invalid("Index out of range using input dim " + full + "; input has only " + rank
                            + " dims");
                }
                dBegin[full] = begin[i];
                dEnd[full] = end[i];
                dStride[full] = strides[i];
                dBeginMask[full] = bit(beginMask, i);
                dEndMask[full] = bit(endMask, i);
                dShrink[full] = bit(shrinkMask, i);
                gather.add(dShrink[full] ? SHRINK : full);
                full++;
            }
        }
        long[] size = new long[rank];
        for (int i = 0; i < rank; i++) {
            long s = dStride[i];
            long dim = shape[i];
            if (s == 0) {
                throw node.invalid("strides[" + i + "] must be non-zero");
            }
            if (dShrink[i]) {
                if (s <= 0) {
                    throw node.invalid("only stride 1 allowed on non-range indexing.");
                }
                long fwd = dBegin[i] < 0 ? dim + dBegin[i] : dBegin[i];
                if (fwd < 0 || fwd >= dim) {
                    throw node.invalid("slice index " + dBegin[i] + " of dimension " + i + " out of bounds.");
                }
                dBegin[i] = fwd;
                size[i] = 1;
                continue;
            }
            dBegin[i] = canonical(dBegin[i], dBeginMask[i], true, s, dim);
            dEnd[i] = canonical(dEnd[i], dEndMask[i], false, s, dim);
            long interval = dEnd[i] - dBegin[i];
            if (interval == 0 || (interval < 0) != (s < 0)) {
                size[i] = 0;
            } else {
                size[i] = interval / s + (interval % s != 0 ? 1 : 0);
            }
        }
        List<Long> out = new ArrayList<>();
        for (int g : gather) {
            if (g == NEW_AXIS) {
                out.add(1L);
            } else if (g != SHRINK) {
                out.add(size[g]);
            }
        }
        return new StridedSliceSpec(dBegin, dStride, size, out.stream().mapToLong(Long::longValue).toArray());
    }

    private static boolean bit(long mask, int i) {
        return i < 64 && (mask & (1L << i)) != 0;
    }

    /** A begin ({@code isBegin}) or end index made non-negative and clamped, or its masked default. */
    private static long canonical(long x, boolean masked, boolean isBegin, long stride, long dim) {
        long lo = stride > 0 ? 0 : -1;
        long hi = stride > 0 ? dim : dim - 1;
        if (masked) {
            return (stride > 0) == isBegin ? lo : hi;
        }
        long fwd = x < 0 ? dim + x : x;
        return Math.max(lo, Math.min(hi, fwd));
    }

    /** {@code x} sliced by this spec (a differentiable composition of engine slices and a reshape). */
    Tensor apply(Tensor x) {
        Tensor r = x;
        for (int d = 0; d < begin.length; d++) {
            long n = size[d];
            long dim = r.size(d);
            if (n == 0) {
                r = r.narrow(d, 0, 0);
            } else if (stride[d] > 0) {
                if (!(begin[d] == 0 && stride[d] == 1 && n == dim)) {
                    r = r.slice(d, begin[d], begin[d] + (n - 1) * stride[d] + 1, stride[d]);
                }
            } else {
                // A negative stride walks the flipped dimension forwards.
                long start = dim - 1 - begin[d];
                r = r.flip(d).slice(d, start, start + (n - 1) * -stride[d] + 1, -stride[d]);
            }
        }
        return r.reshape(finalShape);
    }
}
