package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;

/**
 * 2-D average pooling; mirrors {@code torch.nn.functional.avg_pool2d} ({@code AvgPool2DBackward0})
 * with PyTorch's divisor: the window clipped to the padded input when {@code countIncludePad}
 * (in ceil mode the part past the padding does not count), else clipped to the input. The op is
 * linear: its gradient is the transposed pooling, whose gradient is this op again.
 */
public final class AvgPool2d extends Node {
    private final Geometry geometry;

    /** Kernel, stride, padding, divisor rule, and the input and output sizes they were checked for. */
    private record Geometry(int[] kernel, int[] stride, int[] padding, boolean countIncludePad, long[] inputShape) {
    }

    private AvgPool2d(Tensor x, Geometry geometry) {
        super(x);
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "AvgPool2DBackward0";
    }

    /** {@code F.avg_pool2d(x, kernel, stride, padding, ceil_mode, count_include_pad)}; an empty stride means the kernel. */
    public static Tensor apply(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
            boolean countIncludePad) {
        String op = "avg_pool2d";
        int[] k = NnArgs.spatial(op, "kernel", kernel, 2);
        int[] s = stride == null || stride.length == 0 ? k : NnArgs.spatial(op, "stride", stride, 2);
        int[] p = NnArgs.spatial(op, "padding", padding, 2);
        int[] outSize = NnArgs.checkPool(op, x, k, s, p, new int[] {1, 1}, ceilMode);
        return forward(x, new Geometry(k, s, p, countIncludePad, x.shape()), outSize);
    }

    private static Tensor forward(Tensor x, Geometry g, int[] outSize) {
        Tensor out = Tensor.wrap(Kernels.nn().avgPool2d(x.array(), g.kernel(), g.stride(), g.padding(),
                g.countIncludePad(), outSize));
        return record(out, () -> new AvgPool2d(x, g), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {Backward.apply(g, geometry)};
    }

    /** The gradient (the transposed pooling), differentiable for gradients of gradients. */
    static final class Backward extends Node {
        private final Geometry geometry;
        private final int[] outSize;

        private Backward(Tensor g, Geometry geometry) {
            super(g);
            this.geometry = geometry;
            this.outSize = new int[] {(int) g.size(2), (int) g.size(3)};
        }

        @Override
        public String name() {
            return "AvgPool2DBackwardBackward0";
        }

        static Tensor apply(Tensor g, Geometry geo) {
            Tensor out = Tensor.wrap(Kernels.nn().avgPool2dBackward(g.array(), geo.inputShape(), geo.kernel(),
                    geo.stride(), geo.padding(), geo.countIncludePad()));
            return record(out, () -> new Backward(g, geo), g);
        }

        @Override
        protected Tensor[] backward(Tensor gg) {
            return new Tensor[] {forward(gg, geometry, outSize)};
        }
    }
}
