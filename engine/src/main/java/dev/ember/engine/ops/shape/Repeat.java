package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * The tensor tiled {@code repeats[i]} times along each dimension (a copy); mirrors
 * {@code tensor.repeat} ({@code RepeatBackward0}). Extra leading repeats add leading dimensions.
 */
public final class Repeat extends Node {
    private final long[] inputShape;
    private final long[] tiled;

    private Repeat(Tensor x, long[] tiled) {
        super(x);
        this.inputShape = x.shape();
        this.tiled = tiled;
    }

    /** {@code x.repeat(*repeats)}; needs at least as many repeats as dimensions. */
    public static Tensor apply(Tensor x, long[] repeats) {
        int n = repeats.length;
        if (n < x.dim()) {
            throw new IllegalArgumentException("repeat: the number of repeats (" + n + ", " + Arrays.toString(repeats)
                    + ") can not be smaller than the number of dimensions of the tensor (" + x.dim() + ", shape "
                    + Shapes.str(x.shape()) + ")");
        }
        long[] in = new long[n];
        Arrays.fill(in, 1);
        System.arraycopy(x.shape(), 0, in, n - x.dim(), x.dim());
        // x as [1, s0, 1, s1, ...], broadcast to [r0, s0, r1, s1, ...], read as [r0*s0, r1*s1, ...].
        long[] spread = new long[2 * n];
        long[] tiled = new long[2 * n];
        long[] outShape = new long[n];
        for (int i = 0; i < n; i++) {
            if (repeats[i] < 0) {
                throw new IllegalArgumentException("repeat: repeats must be non-negative, got " + Arrays.toString(repeats));
            }
            spread[2 * i] = 1;
            spread[2 * i + 1] = in[i];
            tiled[2 * i] = repeats[i];
            tiled[2 * i + 1] = in[i];
            outShape[i] = repeats[i] * in[i];
        }
        Array a = reshaped(x.array(), spread);
        Array out = reshaped(Kernels.shape().expand(a, tiled), outShape);
        return record(Tensor.wrap(out), () -> new Repeat(x, tiled), x);
    }

    private static Array reshaped(Array a, long[] shape) {
        Array v = Kernels.shape().viewOrNull(a, shape);
        return v != null ? v : Kernels.shape().reshapeCopy(a, shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int[] repeatDims = new int[tiled.length / 2];
        for (int i = 0; i < repeatDims.length; i++) {
            repeatDims[i] = 2 * i;
        }
        Tensor r = g.reshape(tiled);
        if (repeatDims.length > 0) {
            r = r.sum(repeatDims, false);
        }
        return new Tensor[] {r.reshape(inputShape)};
    }
}
