package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.kernels.ConvKernels.requireRank4;
import static dev.ember.tfcompat.runtime.kernels.ConvKernels.shape;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;

/**
 * Pooling and its gradients: {@code MaxPool} (SAME/VALID/EXPLICIT), {@code MaxPoolV2} (window and
 * strides as inputs, as TF-Java's {@code tf.nn.maxPool} builds it), {@code AvgPool},
 * {@code MaxPoolGrad}, {@code MaxPoolGradV2}, {@code AvgPoolGrad}. TF's SAME padding never lets a
 * padded cell win a max and never counts one in an average, also when the padding is asymmetric
 * (then the input is padded with -inf, or the average is divided by the count of real cells).
 */
public final class PoolKernels {
    private static final String[] V2_FORMATS = {"NHWC", "NCHW", "NCHW_VECT_C"};

    private PoolKernels() {
    }

    /** The window of one pooling node: geometry plus kernel size, from attributes or (V2) inputs. */
    private record Pool(Window win, int[] k) {
        long[] kernel() {
            return new long[] {k[0], k[1]};
        }
    }

    public static void register() {
        OpRegistry.register("MaxPool", of(n -> poolOutputs(n, v1(n), 0), ctx -> pool(ctx, v1(ctx), true)));
        OpRegistry.register("MaxPoolV2", of(n -> poolOutputs(n, v2Static(n, 1, 2), 0), ctx -> pool(ctx, v2(ctx, 1, 2), true)));
        OpRegistry.register("AvgPool", of(n -> poolOutputs(n, avg(n), 0), ctx -> pool(ctx, avg(ctx), false)));
        OpRegistry.register("MaxPoolGrad", of(n -> sameAsInput(n, 0), ctx -> maxPoolGrad(ctx, v1(ctx))));
        OpRegistry.register("MaxPoolGradV2", of(n -> sameAsInput(n, 0), ctx -> maxPoolGrad(ctx, v2(ctx, 3, 4))));
        OpRegistry.register("AvgPoolGrad", of(PoolKernels::avgPoolGradOutputs, PoolKernels::avgPoolGrad));
        OpRegistry.register("MaxPoolGradGrad", of(n -> sameAsInput(n, 1), ctx -> maxPoolGradGrad(ctx, v1(ctx))));
        OpRegistry.register("MaxPoolGradGradV2", of(n -> sameAsInput(n, 1), ctx -> maxPoolGradGrad(ctx, v2(ctx, 3, 4))));
    }

    private static Pool v1(Attrs a) {
        Window win = Window.pool(a, a.attrLongs("strides"), Window.CONV_PADDINGS, V2_FORMATS);
        return new Pool(win, Window.ksize(a, a.attrLongs("ksize"), win.nhwc));
    }

    private static Pool avg(Attrs a) {
        Window win = Window.pool(a, a.attrLongs("strides"), Window.POOL_PADDINGS, Window.FORMATS);
        return new Pool(win, Window.ksize(a, a.attrLongs("ksize"), win.nhwc));
    }

    /** MaxPoolV2 at run time: {@code ksize} and {@code strides} are int32 inputs. */
    private static Pool v2(KernelContext ctx, int ksize, int strides) {
        long[] s = ctx.input(strides).to(DType.INT64).toLongArray();
        Window win = Window.pool(ctx, s, Window.POOL_PADDINGS, V2_FORMATS);
        return new Pool(win, Window.ksize(ctx, ctx.input(ksize).to(DType.INT64).toLongArray(), win.nhwc));
    }

    /** MaxPoolV2 at build time: the window is known when ksize and strides are constants. */
    private static Optional<Pool> v2Static(NodeView n, int ksize, int strides) {
        Optional<long[]> k = constant(n, ksize);
        Optional<long[]> s = constant(n, strides);
        Window.nhwc(n, V2_FORMATS);
        Window.choice(n, "padding", null, Window.POOL_PADDINGS);
        if (k.isEmpty() || s.isEmpty()) {
            return Optional.empty();
        }
        Window win = Window.pool(n, s.get(), Window.POOL_PADDINGS, V2_FORMATS);
        return Optional.of(new Pool(win, Window.ksize(n, k.get(), win.nhwc)));
    }

    private static Optional<long[]> constant(NodeView n, int i) {
        return n.constantInput(i).map(v -> dev.ember.tfcompat.internal.types.TypeInfo.toEngine(v).to(DType.INT64)
                .toLongArray());
    }

    private static OutputSpec[] poolOutputs(NodeView n, Pool p, int input) {
        return poolOutputs(n, Optional.of(p), input);
    }

    private static OutputSpec[] poolOutputs(NodeView n, Optional<Pool> pool, int input) {
        Shape in = ConvKernels.rank4(n, input, "input");
        if (pool.isEmpty()) {
            return new OutputSpec[] {new OutputSpec(n.inputType(input), in.isUnknown() ? Shape.unknown() : Shape.of(-1, -1, -1, -1))};
        }
        Window win = pool.get().win();
        long[] x = win.nhwcOf(in);
        long[] hw = win.staticOutSize(n, new long[] {x[1], x[2]}, pool.get().kernel());
        return new OutputSpec[] {new OutputSpec(n.inputType(input), win.shapeOf(x[0], hw[0], hw[1], x[3]))};
    }

    private static OutputSpec[] sameAsInput(NodeView n, int i) {
        return new OutputSpec[] {new OutputSpec(n.inputType(i), n.inputShape(i))};
    }

    // ---------------------------------------------------------------- forward

    private static Value[] pool(KernelContext ctx, Pool p, boolean max) {
        requireRank4(ctx, 0, "input");
        Tensor x = p.win().nhwc ? ctx.nchw(0) : ctx.input(0);
        Vjp.floating(ctx, "input", x);
        Tensor y = max ? maxPool(ctx, p, x) : avgPool(ctx, p, x);
        return new Value[] {p.win().nhwc ? ctx.nchwOutput(y, 0) : Value.of(y, ctx.outputType(0))};
    }

    /** Max pooling of NCHW {@code x}; padded cells are -inf. */
    private static Tensor maxPool(Attrs a, Pool p, Tensor x) {
        long[] in = {x.size(2), x.size(3)};
        p.win().outSize(a, in, p.kernel());
        long[] pads = p.win().pads(in, p.kernel());
        int[] one = {1, 1};
        if (symmetric(pads, p.k())) {
            return Functional.maxPool2d(x, p.k(), p.win().stride, new int[] {(int) pads[0], (int) pads[2]}, one, false);
        }
        Tensor padded = Functional.pad(x, new long[] {pads[2], pads[3], pads[0], pads[1]}, Double.NEGATIVE_INFINITY);
        return Functional.maxPool2d(padded, p.k(), p.win().stride, new int[] {0, 0}, one, false);
    }

    /** Average pooling of NCHW {@code x} over the real (unpadded) cells of each window. */
    private static Tensor avgPool(Attrs a, Pool p, Tensor x) {
        long[] in = {x.size(2), x.size(3)};
        p.win().outSize(a, in, p.kernel());
        long[] pads = p.win().pads(in, p.kernel());
        if (symmetric(pads, p.k())) {
            return Functional.avgPool2d(x, p.k(), p.win().stride, new int[] {(int) pads[0], (int) pads[2]}, false, false);
        }
        long[] pad4 = {pads[2], pads[3], pads[0], pads[1]};
        int[] none = {0, 0};
        Tensor sums = Functional.avgPool2d(Functional.pad(x, pad4, 0), p.k(), p.win().stride, none, false, true);
        Tensor realShare;
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor ones = Tensor.ones(x.dtype(), 1, 1, in[0], in[1]);
            realShare = Functional.avgPool2d(Functional.pad(ones, pad4, 0), p.k(), p.win().stride, none, false, true);
        }
        return sums.div(realShare);
    }

    /** Padding the engine's pooling can do itself: the same on both sides, at most half the window. */
    private static boolean symmetric(long[] pads, int[] k) {
        return pads[0] == pads[1] && pads[2] == pads[3] && pads[0] <= k[0] / 2 && pads[2] <= k[1] / 2;
    }

    // ---------------------------------------------------------------- gradients

    /** MaxPoolGrad(orig_input, orig_output, grad): each window's gradient goes to its maximum in orig_input. */
    private static Value[] maxPoolGrad(KernelContext ctx, Pool p) {
        requireRank4(ctx, 0, "orig_input");
        requireRank4(ctx, 2, "grad");
        boolean nhwc = p.win().nhwc;
        Tensor x = nhwc ? ctx.nchw(0) : ctx.input(0);
        Tensor g = nhwc ? ctx.nchw(2) : ctx.input(2);
        Vjp.floating(ctx, "orig_input", x);
        long[] out = p.win().outSize(ctx, new long[] {x.size(2), x.size(3)}, p.kernel());
        checkGrad(ctx, g, new long[] {x.size(0), x.size(1), out[0], out[1]});
        Tensor dx = Vjp.of(t -> maxPool(ctx, p, t), x, g);
        return new Value[] {nhwc ? ctx.nchwOutput(dx, 0) : Value.of(dx, ctx.outputType(0))};
    }

    /**
     * MaxPoolGradGrad(orig_input, orig_output, grad): the gradient of MaxPoolGrad with respect to its
     * output gradient, i.e. {@code grad} (input-shaped) read at each window's maximum.
     */
    private static Value[] maxPoolGradGrad(KernelContext ctx, Pool p) {
        requireRank4(ctx, 0, "orig_input");
        requireRank4(ctx, 2, "grad");
        boolean nhwc = p.win().nhwc;
        Tensor x = nhwc ? ctx.nchw(0) : ctx.input(0);
        Tensor gg = nhwc ? ctx.nchw(2) : ctx.input(2);
        Vjp.floating(ctx, "orig_input", x);
        if (!Arrays.equals(gg.shape(), x.shape())) {
            throw ctx.invalid("grad must have the shape of orig_input " + shape(ctx.inputShape(0)) + ", got "
                    + shape(ctx.inputShape(2)));
        }
        long[] out = p.win().outSize(ctx, new long[] {x.size(2), x.size(3)}, p.kernel());
        Tensor at = Tensor.zeros(x.dtype(), x.size(0), x.size(1), out[0], out[1]);
        // MaxPoolGrad is linear in its output gradient g: its own gradient is the vjp of g -> MaxPoolGrad(x, g)
        Tensor y = Vjp.of(g -> Vjp.of(t -> maxPool(ctx, p, t), x, g, true), at, gg);
        return new Value[] {nhwc ? ctx.nchwOutput(y, 0) : Value.of(y, ctx.outputType(0))};
    }

    private static OutputSpec[] avgPoolGradOutputs(NodeView n) {
        avg(n);
        Shape s = n.constantInput(0)
                .map(v -> Shape.of(dev.ember.tfcompat.internal.types.TypeInfo.toEngine(v).to(DType.INT64).toLongArray()))
                .orElse(Shape.of(-1, -1, -1, -1));
        return new OutputSpec[] {new OutputSpec(n.inputType(1), s)};
    }

    /** AvgPoolGrad(orig_input_shape, grad): each window's gradient shared by its real cells. */
    private static Value[] avgPoolGrad(KernelContext ctx) {
        Pool p = avg(ctx);
        requireRank4(ctx, 1, "grad");
        long[] s = ctx.input(0).to(DType.INT64).toLongArray();
        if (s.length != 4) {
            throw ctx.invalid("orig_input_shape must be a vector of 4 sizes, got " + Arrays.toString(s));
        }
        boolean nhwc = p.win().nhwc;
        long[] nchw = nhwc ? new long[] {s[0], s[3], s[1], s[2]} : s;
        Tensor g = nhwc ? ctx.nchw(1) : ctx.input(1);
        Vjp.floating(ctx, "grad", g);
        long[] out = p.win().outSize(ctx, new long[] {nchw[2], nchw[3]}, p.kernel());
        checkGrad(ctx, g, new long[] {nchw[0], nchw[1], out[0], out[1]});
        Tensor dx = Vjp.of(t -> avgPool(ctx, p, t), Tensor.zeros(g.dtype(), nchw), g);
        return new Value[] {nhwc ? ctx.nchwOutput(dx, 0) : Value.of(dx, ctx.outputType(0))};
    }

    private static void checkGrad(KernelContext ctx, Tensor g, long[] expected) {
        if (!Arrays.equals(g.shape(), expected)) {
            throw ctx.invalid("grad has shape " + shape(g.shape()) + " but the pooling output has shape "
                    + shape(expected) + " (both as N, C, H, W)");
        }
    }
}
