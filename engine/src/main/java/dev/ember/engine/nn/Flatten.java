package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;

/** Flattens dims {@code startDim..endDim} into one; mirrors {@code torch.nn.Flatten} (defaults 1, -1). */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        int rank = input.dim();
        int s = Shapes.dim("Flatten", startDim, rank);
        int e = Shapes.dim("Flatten", endDim, rank);
        if (s > e) {
            throw new IllegalArgumentException("Flatten: start_dim " + startDim + " comes after end_dim " + endDim
                    + " for input of shape " + Shapes.str(input.shape()));
        }
        long[] in = input.shape();
        long[] out = new long[rank - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) {
            out[k++] = in[i];
        }
        long merged = 1;
        for (int i = s; i <= e; i++) {
            merged *= in[i];
        }
        out[k++] = merged;
        for (int i = e + 1; i < rank; i++) {
            out[k++] = in[i];
        }
        return input.reshape(out);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
