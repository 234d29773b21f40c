package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.backend.Kernels;

/**
 * Strided views (the engine's {@code as_strided}): the view ops of this package compute the new
 * shape, strides and offset as PyTorch does, and share the input's storage and version counter.
 */
final class Views {
    private Views() {
    }

    /** A view of {@code x} with {@code shape} and element {@code strides}, {@code offset} elements in. */
    static Tensor of(Tensor x, long[] shape, long[] strides, long offset) {
        return Tensor.wrapView(Kernels.shape().asStrided(x.array(), shape, strides, offset), x);
    }

    /** Element strides of {@code x}. */
    static long[] strides(Tensor x) {
        return Kernels.shape().strides(x.array());
    }

    /** {@code a} without entry {@code i}. */
    static long[] remove(long[] a, int i) {
        long[] r = new long[a.length - 1];
        System.arraycopy(a, 0, r, 0, i);
        System.arraycopy(a, i + 1, r, i, a.length - i - 1);
        return r;
    }

    /** {@code a} with {@code v} inserted at {@code i}. */
    static long[] insert(long[] a, int i, long v) {
        long[] r = new long[a.length + 1];
        System.arraycopy(a, 0, r, 0, i);
        r[i] = v;
        System.arraycopy(a, i, r, i + 1, a.length - i);
        return r;
    }
}
