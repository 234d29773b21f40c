package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/** Shape bookkeeping shared by reductions. */
public final class Reduced {
    private Reduced() {
    }

    /** Normalised dims; empty means all. A 0-d tensor accepts dim 0 or -1, as in PyTorch (all of it). */
    public static int[] dims(String op, Tensor x, int[] dims) {
        int[] d = Shapes.dims(op, dims, x.dim());
        return x.dim() == 0 ? new int[0] : d;
    }

    /** Throws unless every reduced dim (all, when {@code dims} is empty) has elements: max, min, argmax need one. */
    public static void checkNonEmpty(String op, Tensor x, int[] dims) {
        long[] shape = x.shape();
        if (dims.length == 0 && x.numel() == 0) {
            throw new IllegalArgumentException(op + "(): expected a non-empty input, got shape " + Shapes.str(shape));
        }
        for (int d : dims) {
            if (shape[d] == 0) {
                throw new IllegalArgumentException(op + "(): expected reduction dim " + d + " to have non-zero size, "
                        + "got shape " + Shapes.str(shape));
            }
        }
    }

    /** The input shape with reduced dims set to 1 (the keepdim shape). */
    public static long[] keptShape(long[] shape, int[] dims) {
        long[] s = shape.clone();
        if (dims.length == 0) {
            java.util.Arrays.fill(s, 1);
        }
        for (int d : dims) {
            s[d] = 1;
        }
        return s;
    }

    /** Number of elements reduced into each output element. */
    public static long count(long[] shape, int[] dims) {
        if (dims.length == 0) {
            return Shapes.numel(shape);
        }
        long n = 1;
        for (int d : dims) {
            n *= shape[d];
        }
        return n;
    }

    /** A gradient of the reduced shape brought back to {@code inputShape} (keepdim reshape, then expand). */
    public static Tensor expandBack(Tensor g, long[] inputShape, int[] dims) {
        return g.reshape(keptShape(inputShape, dims)).expand(inputShape);
    }
}
