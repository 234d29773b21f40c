package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.index.Index;
import org.tensorflow.ndarray.index.Indices;

/**
 * Python-style indexing of graph tensors with {@code org.tensorflow.ndarray.index.Indices}
 * ({@code at}, {@code all}, {@code slice}, {@code newAxis}, {@code ellipsis}, ...); mirrors
 * {@code org.tensorflow.op.core.StridedSliceHelper}: the indices become int32 begin/end/strides
 * constants and the five masks of one {@code StridedSlice} node.
 */
public final class StridedSliceHelper {
    private StridedSliceHelper() {
    }

    /** {@code input[indices...]}; a {@code null} index means {@code Indices.all()}. */
    public static <T extends TType> StridedSlice<T> stridedSlice(Scope scope, Operand<T> input, Index... indices) {
        int n = indices.length;
        int[] begin = new int[n];
        int[] end = new int[n];
        int[] strides = new int[n];
        long beginMask = 0;
        long endMask = 0;
        long ellipsisMask = 0;
        long newAxisMask = 0;
        long shrinkMask = 0;
        for (int i = 0; i < n; i++) {
            Index idx = indices[i] == null ? Indices.all() : indices[i];
            if (!idx.isStridedSlicingCompliant()) {
                throw new UnsupportedOperationException("Index " + idx + " is not supported for Tensors");
            }
            begin[i] = toInt(idx.begin(), "begin", idx);
            end[i] = toInt(idx.end(), "end", idx);
            strides[i] = toInt(idx.stride(), "stride", idx);
            if (idx.beginMask()) {
                beginMask |= 1L << i;
            }
            if (idx.endMask()) {
                endMask |= 1L << i;
            }
            if (idx.isEllipsis()) {
                if (ellipsisMask != 0) {
                    throw new IllegalArgumentException("Can not have two ellipsis in a slice");
                }
                ellipsisMask |= 1L << i;
            }
            if (idx.isNewAxis()) {
                newAxisMask |= 1L << i;
            }
            if (idx.isPoint()) {
                shrinkMask |= 1L << i;
            }
        }
        return StridedSlice.create(scope, input, vector(scope, begin), vector(scope, end), vector(scope, strides),
                StridedSlice.beginMask(beginMask), StridedSlice.endMask(endMask), StridedSlice.ellipsisMask(ellipsisMask),
                StridedSlice.newAxisMask(newAxisMask), StridedSlice.shrinkAxisMask(shrinkMask));
    }

    private static int toInt(long v, String what, Index idx) {
        if ((int) v != v) {
            throw new IllegalArgumentException("Can't convert long " + what + " value to int for index " + idx
                    + ": Out of bounds");
        }
        return (int) v;
    }

    private static Constant<TInt32> vector(Scope scope, int[] values) {
        return Constant.create(scope, TInt32.tensorOf(StdArrays.ndCopyOf(values)));
    }
}
