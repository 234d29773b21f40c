package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;

/**
 * 2-D max pooling; mirrors {@code torch.nn.functional.max_pool2d}
 * ({@code MaxPool2DWithIndicesBackward0}). Padded positions never win (they act as -infinity),
 * ceil mode follows PyTorch (the last window must start inside the input or the left padding).
 * The forward keeps PyTorch's indices; the gradient scatters into them and the gradient's
 * gradient gathers from them.
 */
public final class MaxPool2d extends Node {
    private final Tensor indices;
    private final long[] inputShape;

    private MaxPool2d(Tensor x, Tensor indices) {
        super(x);
        this.indices = indices;
        this.inputShape = x.shape();
    }

    @Override
    public String name() {
        return "MaxPool2DWithIndicesBackward0";
    }

    /** {@code F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode)}; an empty stride means the kernel. */
    public static Tensor apply(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
            boolean ceilMode) {
        String op = "max_pool2d";
        int[] k = NnArgs.spatial(op, "kernel", kernel, 2);
        int[] s = stride == null || stride.length == 0 ? k : NnArgs.spatial(op, "stride", stride, 2);
        int[] p = NnArgs.spatial(op, "padding", padding, 2);
        int[] d = NnArgs.spatial(op, "dilation", dilation, 2);
        int[] outSize = NnArgs.checkPool(op, x, k, s, p, d, ceilMode);
        Array[] r = Kernels.nn().maxPool2d(x.array(), k, s, p, d, outSize);
        Tensor idx = Tensor.wrap(r[1]);
        return record(Tensor.wrap(r[0]), () -> new MaxPool2d(x, idx), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Scatter.apply(g, indices, inputShape)};
    }

    /** Row-major {@code (N, C, H*W)} view of a pooled or input-shaped array. */
    private static Array planes(Array a, long[] shape) {
        return NnArgs.reshape(a, shape[0], shape[1], shape[2] * shape[3]);
    }

    /** The gradient: output gradients added at their winners' positions (max_pool2d_with_indices_backward). */
    static final class Scatter extends Node {
        private final Tensor indices;

        private Scatter(Tensor g, Tensor indices) {
            super(g);
            this.indices = indices;
        }

        @Override
        public String name() {
            return "MaxPool2DWithIndicesBackwardBackward0";
        }

        static Tensor apply(Tensor g, Tensor indices, long[] inputShape) {
            Tensor out = Tensor.wrap(Kernels.nn().maxPool2dBackward(g.array(), indices.array(), inputShape));
            return record(out, () -> new Scatter(g, indices), g);
        }

        @Override
        protected Tensor[] backward(Tensor gg) {
            return new Tensor[] {Gather.apply(gg, indices)};
        }
    }

    /** The gradient's gradient: input-shaped values read at the winners' positions. */
    static final class Gather extends Node {
        private final Tensor indices;
        private final long[] inputShape;

        private Gather(Tensor x, Tensor indices) {
            super(x);
            this.indices = indices;
            this.inputShape = x.shape();
        }

        @Override
        public String name() {
            return "GatherBackward0";
        }

        static Tensor apply(Tensor x, Tensor indices) {
            long[] is = indices.shape();
            Array picked = Kernels.shape().gather(planes(x.array(), x.shape()), 2, planes(indices.array(), is));
            Tensor out = Tensor.wrap(NnArgs.reshape(picked, is));
            return record(out, () -> new Gather(x, indices), x);
        }

        @Override
        protected Tensor[] backward(Tensor g) {
            return new Tensor[] {Scatter.apply(g, indices, inputShape)};
        }
    }
}
