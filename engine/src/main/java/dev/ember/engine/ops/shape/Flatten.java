package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/** Dimensions {@code startDim..endDim} merged into one; mirrors {@code torch.flatten}. Composite: a {@code reshape}. */
public final class Flatten {
    private Flatten() {
    }

    /** {@code x.flatten(startDim, endDim)}; a 0-D tensor becomes 1-D, and {@code startDim == endDim} returns {@code x}. */
    public static Tensor apply(Tensor x, int startDim, int endDim) {
        if (x.dim() == 0) {
            Shapes.dim("flatten", startDim, 0);
            Shapes.dim("flatten", endDim, 0);
            return x.reshape(1);
        }
        int s = Shapes.dim("flatten", startDim, x.dim());
        int e = Shapes.dim("flatten", endDim, x.dim());
        if (s > e) {
            throw new IllegalArgumentException("flatten: startDim (" + startDim + ") cannot come after endDim ("
                    + endDim + ") for a tensor of shape " + Shapes.str(x.shape()));
        }
        if (s == e) {
            return x;
        }
        long[] in = x.shape();
        long[] out = new long[in.length - (e - s)];
        long merged = 1;
        for (int i = s; i <= e; i++) {
            merged *= in[i];
        }
        System.arraycopy(in, 0, out, 0, s);
        out[s] = merged;
        System.arraycopy(in, e + 1, out, s + 1, in.length - e - 1);
        return x.reshape(out);
    }
}
