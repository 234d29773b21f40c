package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;

/** Dimensions reordered, as a view; mirrors {@code tensor.permute} ({@code PermuteBackward0}). */
public final class Permute extends Node {
    private final int[] inverse;

    private Permute(Tensor x, int[] dims) {
        super(x);
        inverse = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            inverse[dims[i]] = i;
        }
    }

    public static Tensor apply(Tensor x, int[] dims) {
        if (dims.length != x.dim()) {
            throw new IllegalArgumentException("permute: number of dims don't match: the tensor has " + x.dim()
                    + " dimensions but " + dims.length + " were given (" + java.util.Arrays.toString(dims) + ")");
        }
        int[] d = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = Shapes.dim("permute", dims[i], x.dim());
            if (seen[d[i]]) {
                throw new IllegalArgumentException("permute: repeated dim " + dims[i] + " in "
                        + java.util.Arrays.toString(dims));
            }
            seen[d[i]] = true;
        }
        Tensor out = Tensor.wrapView(Kernels.shape().permute(x.array(), d), x);
        return record(out, () -> new Permute(x, d), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.permute(inverse)};
    }
}
