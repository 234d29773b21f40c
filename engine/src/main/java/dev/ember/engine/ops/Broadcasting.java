package dev.ember.engine.ops;

import dev.ember.engine.Tensor;
import java.util.Arrays;

/** The backward side of broadcasting: summing a gradient back to an input's shape. */
public final class Broadcasting {
    private Broadcasting() {
    }

    /** {@code grad} summed over the dimensions that broadcasting expanded, reshaped to {@code shape}. */
    public static Tensor sumTo(Tensor grad, long[] shape) {
        long[] g = grad.shape();
        if (Arrays.equals(g, shape)) {
            return grad;
        }
        int lead = g.length - shape.length;
        int[] dims = new int[g.length];
        int n = 0;
        for (int i = 0; i < g.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && g[i] != 1)) {
                dims[n++] = i;
            }
        }
        Tensor r = n == 0 ? grad : grad.sum(Arrays.copyOf(dims, n), true);
        return r.reshape(shape);
    }
}
