package dev.ember.engine.ops.shape;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * A copy of {@code self} with the slice {@code [start:end:step]} at {@code dim} replaced by
 * {@code src}; mirrors {@code torch.slice_scatter} ({@code SliceScatterBackward0}). It is also the
 * backward of {@link Slice} and {@link Select}.
 */
public final class SliceScatter extends Node {
    private final long[] srcShape;
    private final int dim;
    private final long start;
    private final long end;
    private final long step;

    private SliceScatter(Tensor self, Tensor src, int dim, long start, long end, long step) {
        super(self, src);
        this.srcShape = src.shape();
        this.dim = dim;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    /** {@code torch.slice_scatter(self, src, dim, start, end, step)}; bounds follow Python slicing as in {@link Slice}. */
    public static Tensor apply(Tensor self, Tensor src, int dim, long start, long end, long step) {
        long[] b = Slice.bounds("sliceScatter", self, dim, start, end, step);
        int d = (int) b[0];
        long[] sliceShape = self.shape();
        sliceShape[d] = Math.max(0, (b[2] - b[1] + step - 1) / step);
        if (!Arrays.equals(sliceShape, src.shape())) {
            throw new IllegalArgumentException("sliceScatter: expected src of shape " + Shapes.str(sliceShape)
                    + " (the slice of self " + Shapes.str(self.shape()) + "), got " + Shapes.str(src.shape()));
        }
        Tensor s = src.to(self.dtype());
        Array out = Kernels.shape().contiguous(self.array());
        Kernels.elementwise().assign(Kernels.shape().slice(out, d, b[1], b[2], step), s.array());
        return record(Tensor.wrap(out), () -> new SliceScatter(self, s, d, b[1], b[2], step), self, s);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsInputGrad(0) ? g.sliceScatter(Tensor.zeros(g.dtype(), srcShape), dim, start, end, step) : null,
            needsInputGrad(1) ? g.slice(dim, start, end, step) : null};
    }
}
