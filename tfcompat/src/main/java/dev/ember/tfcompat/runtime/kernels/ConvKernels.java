package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import dev.ember.tfcompat.checkpoint.Layouts;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Convolutions and their gradients: {@code Conv2D}, {@code DepthwiseConv2dNative} and their
 * {@code BackpropInput}/{@code BackpropFilter} ops, with every attribute (strides, dilations,
 * SAME/VALID/EXPLICIT padding, NHWC/NCHW, grouped convolution when the input depth is a multiple of
 * the filter's). NHWC runs on the engine's NCHW convolution through {@link KernelContext#nchw(int)};
 * HWIO filters become OIHW weights with {@link Layouts}.
 */
public final class ConvKernels {
    private ConvKernels() {
    }

    public static void register() {
        OpRegistry.register("Conv2D", of(n -> convOutputs(n, false), ctx -> conv(ctx, false)));
        OpRegistry.register("DepthwiseConv2dNative", of(n -> convOutputs(n, true), ctx -> conv(ctx, true)));
        OpRegistry.register("Conv2DBackpropInput", of(n -> sizedOutputs(n, 0, 2), ctx -> backpropInput(ctx, false)));
        OpRegistry.register("DepthwiseConv2dNativeBackpropInput", of(n -> sizedOutputs(n, 0, 2),
                ctx -> backpropInput(ctx, true)));
        OpRegistry.register("Conv2DBackpropFilter", of(n -> sizedOutputs(n, 1, 0), ctx -> backpropFilter(ctx, false)));
        OpRegistry.register("DepthwiseConv2dNativeBackpropFilter", of(n -> sizedOutputs(n, 1, 0),
                ctx -> backpropFilter(ctx, true)));
    }

    /** A filter as the engine's OIHW weight and group count, checked against the input depth. */
    private record Filter(Tensor weight, int groups, long kh, long kw, long outDepth) {
    }

    private static Filter filter(KernelContext ctx, Tensor f, long inDepth, boolean depthwise) {
        long[] s = f.shape();
        checkDepths(ctx, inDepth, s[2], s[3], depthwise);
        if (depthwise) {
            return new Filter(Layouts.depthwiseToOihw(f), Math.toIntExact(inDepth), s[0], s[1], s[2] * s[3]);
        }
        return new Filter(Layouts.hwioToOihw(f), Math.toIntExact(inDepth / s[2]), s[0], s[1], s[3]);
    }

    /** TF's depth checks between an input depth and a filter {@code [kh, kw, filterIn, filterOut]} (unknown: -1). */
    private static void checkDepths(Attrs a, long inDepth, long filterIn, long filterOut, boolean depthwise) {
        if (inDepth < 0 || filterIn < 0) {
            return;
        }
        if (depthwise) {
            if (inDepth != filterIn) {
                throw a.invalid("input and filter must have the same depth: " + inDepth + " vs " + filterIn);
            }
            return;
        }
        if (filterIn == 0 || inDepth % filterIn != 0) {
            throw a.invalid("Depth of input (" + inDepth + ") is not a multiple of input depth of filter (" + filterIn
                    + ")");
        }
        long groups = inDepth / filterIn;
        if (filterOut >= 0 && filterOut % groups != 0) {
            throw a.invalid("Depth of output (" + filterOut + ") is not a multiple of the number of groups (" + groups
                    + ")");
        }
    }

    // ---------------------------------------------------------------- forward

    private static OutputSpec[] convOutputs(NodeView n, boolean depthwise) {
        Window win = Window.conv(n);
        sameType(n, 0, 1);
        long[] x = win.nhwcOf(rank4(n, 0, "input"));
        long[] f = dims(rank4(n, 1, "filter"));
        checkDepths(n, x[3], f[2], f[3], depthwise);
        long outDepth = depthwise ? (f[2] < 0 || f[3] < 0 ? -1 : f[2] * f[3]) : f[3];
        long[] hw = win.staticOutSize(n, new long[] {x[1], x[2]}, new long[] {f[0], f[1]});
        return new OutputSpec[] {new OutputSpec(n.inputType(0), win.shapeOf(x[0], hw[0], hw[1], outDepth))};
    }

    private static Value[] conv(KernelContext ctx, boolean depthwise) {
        Window win = Window.conv(ctx);
        requireRank4(ctx, 0, "input");
        requireRank4(ctx, 1, "filter");
        Tensor x = win.nhwc ? ctx.nchw(0) : ctx.input(0);
        Vjp.floating(ctx, "input", x);
        Filter f = filter(ctx, ctx.input(1).to(x.dtype()), x.size(1), depthwise);
        long[] in = {x.size(2), x.size(3)};
        long[] k = {f.kh(), f.kw()};
        win.outSize(ctx, in, k);
        Tensor y = Functional.conv2d(x, f.weight(), null, win.stride, ints(win.pads(in, k)), win.dilation, f.groups());
        return new Value[] {win.nhwc ? ctx.nchwOutput(y, 0) : Value.of(y, ctx.outputType(0))};
    }

    // ---------------------------------------------------------------- gradients

    /** The transposed convolution: the gradient of a convolution with respect to its input of {@code input_sizes}. */
    private static Value[] backpropInput(KernelContext ctx, boolean depthwise) {
        Window win = Window.conv(ctx);
        requireRank4(ctx, 1, "filter");
        requireRank4(ctx, 2, "out_backprop");
        Tensor dy = win.nhwc ? ctx.nchw(2) : ctx.input(2);
        Vjp.floating(ctx, "out_backprop", dy);
        Tensor filterT = ctx.input(1).to(dy.dtype());
        long[] sizes = ctx.input(0).to(DType.INT64).toLongArray();
        long[] x; // {n, h, w, c}
        if (sizes.length == 4) {
            int[] ax = win.axes();
            x = new long[] {sizes[ax[0]], sizes[ax[1]], sizes[ax[2]], sizes[ax[3]]};
        } else if (sizes.length == 2) {
            x = new long[] {dy.size(0), sizes[0], sizes[1], filterT.size(2)};
        } else {
            throw ctx.invalid("input_sizes must be a vector of 4 (or 2 spatial) sizes, got " + Arrays.toString(sizes));
        }
        Filter f = filter(ctx, filterT, x[3], depthwise);
        long[] in = {x[1], x[2]};
        long[] k = {f.kh(), f.kw()};
        long[] out = win.outSize(ctx, in, k);
        checkBackprop(ctx, dy, new long[] {x[0], f.outDepth(), out[0], out[1]});
        long[] p = win.pads(in, k);
        int[] outputPadding = new int[2];
        for (int i = 0; i < 2; i++) {
            long full = (out[i] - 1) * win.stride[i] + (k[i] - 1) * win.dilation[i] + 1;
            outputPadding[i] = Math.toIntExact(in[i] + p[2 * i] + p[2 * i + 1] - full);
        }
        Tensor dx = Functional.convTranspose2d(dy, f.weight(), null, win.stride, new int[] {0}, outputPadding,
                f.groups(), win.dilation);
        dx = dx.narrow(2, p[0], in[0]).narrow(3, p[2], in[1]);
        return new Value[] {win.nhwc ? ctx.nchwOutput(dx, 0) : Value.of(dx, ctx.outputType(0))};
    }

    /**
     * The gradient of a convolution with respect to its filter of {@code filter_sizes}: for each filter
     * tap, the input window it sees times the output gradient, summed over batch and positions (one
     * batched matrix product per tap, per group; differentiable in both inputs).
     */
    private static Value[] backpropFilter(KernelContext ctx, boolean depthwise) {
        Window win = Window.conv(ctx);
        requireRank4(ctx, 0, "input");
        requireRank4(ctx, 2, "out_backprop");
        Tensor x = win.nhwc ? ctx.nchw(0) : ctx.input(0);
        Tensor dy = (win.nhwc ? ctx.nchw(2) : ctx.input(2)).to(x.dtype());
        Vjp.floating(ctx, "input", x);
        long[] fs = ctx.input(1).to(DType.INT64).toLongArray();
        if (fs.length != 4) {
            throw ctx.invalid("filter_sizes must be a vector of 4 sizes, got " + Arrays.toString(fs));
        }
        long n = x.size(0);
        long c = x.size(1);
        checkDepths(ctx, c, fs[2], fs[3], depthwise);
        int groups = Math.toIntExact(depthwise ? c : c / fs[2]);
        long outDepth = depthwise ? fs[2] * fs[3] : fs[3];
        long[] in = {x.size(2), x.size(3)};
        long[] k = {fs[0], fs[1]};
        long[] out = win.outSize(ctx, in, k);
        checkBackprop(ctx, dy, new long[] {n, outDepth, out[0], out[1]});
        long[] p = win.pads(in, k);
        Tensor xp = p[0] + p[1] + p[2] + p[3] == 0 ? x : Functional.pad(x, p[2], p[3], p[0], p[1]);
        long cg = c / groups;
        long og = outDepth / groups;
        long l = out[0] * out[1];
        Tensor dyB = dy.reshape(n, groups, og, l).permute(1, 2, 0, 3).reshape(groups, og, n * l);
        List<Tensor> taps = new ArrayList<>();
        for (long i = 0; i < k[0]; i++) {
            for (long j = 0; j < k[1]; j++) {
                long h0 = i * win.dilation[0];
                long w0 = j * win.dilation[1];
                Tensor window = xp.slice(2, h0, h0 + win.stride[0] * (out[0] - 1) + 1, win.stride[0])
                        .slice(3, w0, w0 + win.stride[1] * (out[1] - 1) + 1, win.stride[1]);
                Tensor xB = window.reshape(n, groups, cg, l).permute(1, 0, 3, 2).reshape(groups, n * l, cg);
                taps.add(dyB.bmm(xB));
            }
        }
        Tensor oihw = Tensor.stack(taps, 3).reshape(outDepth, cg, k[0], k[1]);
        Tensor filterGrad = depthwise
                ? oihw.reshape(fs[2], fs[3], k[0], k[1]).permute(2, 3, 0, 1).contiguous()
                : Layouts.oihwToHwio(oihw);
        return ctx.single(filterGrad);
    }

    /** TF's check that the output gradient has the convolution's output shape ({@code {n, c, h, w}}). */
    private static void checkBackprop(KernelContext ctx, Tensor dy, long[] expected) {
        long[] actual = dy.shape();
        if (!Arrays.equals(actual, expected)) {
            throw ctx.invalid("Size of out_backprop doesn't match computed: actual = " + shape(actual)
                    + ", computed = " + shape(expected) + " (both as N, C, H, W)");
        }
    }

    /** Output {@code i} has the shape given by the Const input {@code sizes} when there is one, and {@code typeOf}'s type. */
    private static OutputSpec[] sizedOutputs(NodeView n, int sizes, int typeOf) {
        Window win = Window.conv(n);
        DataType t = n.inputType(typeOf);
        Shape s = n.constantInput(sizes)
                .filter(v -> v.shape().numDimensions() == 1 && v.shape().size(0) == 4)
                .map(v -> Shape.of(dev.ember.tfcompat.internal.types.TypeInfo.toEngine(v).to(DType.INT64).toLongArray()))
                .orElse(Shape.of(-1, -1, -1, -1));
        return new OutputSpec[] {new OutputSpec(t, s)};
    }

    // ---------------------------------------------------------------- helpers

    static Shape rank4(NodeView n, int i, String what) {
        Shape s = n.inputShape(i);
        if (!s.isUnknown() && s.numDimensions() != 4) {
            throw n.invalid(what + " must be 4-dimensional, got shape " + shape(s.asArray()));
        }
        return s;
    }

    static void requireRank4(KernelContext ctx, int i, String what) {
        long[] s = ctx.inputShape(i);
        if (s.length != 4) {
            throw ctx.invalid(what + " must be 4-dimensional, got shape " + shape(s));
        }
    }

    static void sameType(NodeView n, int a, int b) {
        if (n.inputType(a) != n.inputType(b)) {
            throw n.invalid("inputs " + a + " and " + b + " must have the same type (attr T), got "
                    + n.inputType(a) + " and " + n.inputType(b));
        }
    }

    static long[] dims(Shape s) {
        return s.isUnknown() ? new long[] {-1, -1, -1, -1} : s.asArray();
    }

    static int[] ints(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.toIntExact(v[i]);
        }
        return out;
    }

    static String shape(long[] s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i] < 0 ? "?" : Long.toString(s[i]));
        }
        return sb.append(']').toString();
    }
}
