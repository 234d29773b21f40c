package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INDEX;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Taking parts and padding: {@code Slice} (size -1 = to the end), {@code StridedSlice} with every
 * mask and its gradient {@code StridedSliceGrad}, {@code Split}/{@code SplitV} (one size may be
 * -1), and constant padding {@code Pad}/{@code PadV2}.
 */
public final class SliceKernels {
    private SliceKernels() {
    }

    public static void register() {
        OpRegistry.register("Slice", Kernels.of(SliceKernels::sliceOutputs, SliceKernels::slice));
        OpRegistry.register("StridedSlice", Kernels.of(SliceKernels::stridedSliceOutputs, ctx -> {
            Tensor x = ctx.input(0);
            return TfArgs.out(ctx, spec(ctx, x.shape(), 1).apply(x));
        }));
        OpRegistry.register("StridedSliceGrad", Kernels.of(
                n -> {
                    TfArgs.allowed(n, "Index", TfArgs.sameType(n, 0, 4), INDEX);
                    return TfArgs.one(TfArgs.input(n, 4, "T", ANY),
                            TfArgs.constant(n, 0).map(Shape::of).orElseGet(() -> TfArgs.unknownOfLength(n, 0)));
                },
                SliceKernels::stridedSliceGrad));
        OpRegistry.register("Split", Kernels.of(SliceKernels::splitOutputs, SliceKernels::split));
        OpRegistry.register("SplitV", Kernels.of(SliceKernels::splitVOutputs, SliceKernels::splitV));
        OpRegistry.register("Pad", Kernels.of(SliceKernels::padOutputs, SliceKernels::pad));
        OpRegistry.register("PadV2", Kernels.of(SliceKernels::padOutputs, SliceKernels::pad));
    }

    // ---------------------------------------------------------------- Slice

    private static OutputSpec[] sliceOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.allowed(n, "Index", TfArgs.sameType(n, 1, 3), INDEX);
        Shape in = n.inputShape(0);
        Optional<long[]> begin = TfArgs.constant(n, 1);
        Optional<long[]> size = TfArgs.constant(n, 2);
        if (in.isUnknown() || begin.isEmpty() || size.isEmpty() || size.get().length != in.numDimensions()) {
            return TfArgs.one(t, in.isUnknown() ? TfArgs.unknownOfLength(n, 2) : ArrayKernels.unknownDims(in.numDimensions()));
        }
        long[] out = size.get().clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                out[i] = in.size(i) < 0 ? -1 : in.size(i) - begin.get()[i];
            }
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static Value[] slice(KernelContext ctx) {
        Tensor x = ctx.input(0);
        long[] begin = TfArgs.vector(ctx, 1, "begin");
        long[] size = TfArgs.vector(ctx, 2, "size");
        if (begin.length != x.dim() || size.length != x.dim()) {
            throw ctx.invalid("Expected begin and size arguments to be 1-D tensors of size " + x.dim()
                    + ", but got shapes [" + begin.length + "] and [" + size.length + "] instead.");
        }
        Tensor r = x;
        for (int d = 0; d < x.dim(); d++) {
            long dim = x.size(d);
            long b = begin[d];
            long s = size[d] == -1 ? dim - b : size[d];
            if (b < 0 || b > dim) {
                throw ctx.invalid("Expected begin[" + d + "] in [0, " + dim + "], but got " + b);
            }
            if (s < 0 || b + s > dim) {
                throw ctx.invalid("Expected size[" + d + "] in [0, " + (dim - b) + "], but got " + size[d]);
            }
            if (b != 0 || s != dim) {
                r = r.narrow(d, b, s);
            }
        }
        return TfArgs.out(ctx, r);
    }

    // ---------------------------------------------------------------- StridedSlice

    /** The spec from inputs {@code from..from+2} (begin, end, strides) and the node's masks. */
    private static StridedSliceSpec spec(KernelContext ctx, long[] shape, int from) {
        return StridedSliceSpec.of(ctx, shape, TfArgs.vector(ctx, from, "begin"), TfArgs.vector(ctx, from + 1, "end"),
                TfArgs.vector(ctx, from + 2, "strides"));
    }

    private static OutputSpec[] stridedSliceOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.allowed(n, "Index", TfArgs.sameType(n, 1, 4), INDEX);
        Shape in = n.inputShape(0);
        Optional<long[]> b = TfArgs.constant(n, 1);
        Optional<long[]> e = TfArgs.constant(n, 2);
        Optional<long[]> s = TfArgs.constant(n, 3);
        if (in.isUnknown() || in.hasUnknownDimension() || b.isEmpty() || e.isEmpty() || s.isEmpty()) {
            return TfArgs.one(t, Shape.unknown());
        }
        return TfArgs.one(t, Shape.of(StridedSliceSpec.of(n, in.asArray(), b.get(), e.get(), s.get()).finalShape));
    }

    /**
     * {@code dy} scattered into zeros of {@code shape} at the positions the strided slice took:
     * the flat indices come from slicing {@code arange(numel)} with the same spec.
     */
    private static Value[] stridedSliceGrad(KernelContext ctx) {
        long[] shape = TfArgs.vector(ctx, 0, "shape");
        Tensor dy = ctx.input(4);
        StridedSliceSpec spec = spec(ctx, shape, 1);
        long numel = 1;
        for (long d : shape) {
            numel *= d;
        }
        Tensor flat = Tensor.arange(0, numel, 1, DType.INT64).reshape(shape);
        Tensor index = spec.apply(flat).reshape(-1);
        if (index.numel() != dy.numel()) {
            throw ctx.invalid("dy has shape " + TfArgs.dims(dy.shape()) + " but the slice has shape "
                    + TfArgs.dims(spec.finalShape));
        }
        Tensor zeros = Tensor.zeros(dy.dtype(), numel);
        return TfArgs.out(ctx, zeros.indexAdd(0, index, dy.reshape(-1)).reshape(shape));
    }

    // ---------------------------------------------------------------- Split / SplitV

    private static OutputSpec[] splitOutputs(NodeView n) {
        TfArgs.input(n, 0, "split_dim", EnumSet.of(DataType.DT_INT32));
        DataType t = TfArgs.input(n, 1, "T", ANY);
        int num = (int) n.attrLong("num_split");
        Shape in = n.inputShape(1);
        Optional<long[]> axis = TfArgs.constant(n, 0);
        Shape piece = in.isUnknown() ? Shape.unknown() : ArrayKernels.unknownDims(in.numDimensions());
        if (!in.isUnknown() && axis.isPresent()) {
            int a = TfArgs.axis(n, axis.get()[0], in.numDimensions());
            long[] d = in.asArray();
            if (d[a] >= 0 && d[a] % num != 0) {
                throw n.invalid("Dimension size must be evenly divisible by " + num + " but is " + d[a]);
            }
            d[a] = d[a] < 0 ? -1 : d[a] / num;
            piece = Shape.of(d);
        }
        OutputSpec[] out = new OutputSpec[num];
        Arrays.fill(out, new OutputSpec(t, piece));
        return out;
    }

    private static Value[] split(KernelContext ctx) {
        Tensor x = ctx.input(1);
        int num = (int) ctx.attrLong("num_split");
        int a = TfArgs.axis(ctx, TfArgs.scalar(ctx, 0, "split_dim"), x.dim());
        if (x.size(a) % num != 0) {
            throw ctx.invalid("Number of ways to split should evenly divide the split dimension, but got split_dim " + a
                    + " (size = " + x.size(a) + ") and num_split " + num);
        }
        return outputs(ctx, num == 1 ? List.of(x) : x.split(x.size(a) / num, a));
    }

    private static OutputSpec[] splitVOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.input(n, 1, "Tlen", INDEX);
        TfArgs.input(n, 2, "split_dim", EnumSet.of(DataType.DT_INT32));
        int num = (int) n.attrLong("num_split");
        Shape in = n.inputShape(0);
        OutputSpec[] out = new OutputSpec[num];
        Arrays.fill(out, new OutputSpec(t, in.isUnknown() ? Shape.unknown() : ArrayKernels.unknownDims(in.numDimensions())));
        return out;
    }

    private static Value[] splitV(KernelContext ctx) {
        Tensor x = ctx.input(0);
        long[] sizes = TfArgs.vector(ctx, 1, "size_splits");
        int num = (int) ctx.attrLong("num_split");
        int a = TfArgs.axis(ctx, TfArgs.scalar(ctx, 2, "split_dim"), x.dim());
        if (sizes.length != num) {
            throw ctx.invalid("Length of size_splits should be equal to the value of num_split: " + sizes.length
                    + " vs. " + num);
        }
        int unknown = -1;
        long known = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                if (unknown >= 0) {
                    throw ctx.invalid("There can only be one -1 in the input.");
                }
                unknown = i;
            } else if (sizes[i] < 0) {
                throw ctx.invalid("Split size at index " + i + " must be >= 0. Got: " + sizes[i]);
            } else {
                known += sizes[i];
            }
        }
        long dim = x.size(a);
        if ((unknown < 0 && known != dim) || (unknown >= 0 && known > dim)) {
            throw ctx.invalid("Determined shape must either match input shape along split_dim exactly if fully "
                    + "specified, or be less than the size of the input along split_dim if not fully specified.  Got: "
                    + known);
        }
        long[] s = sizes.clone();
        if (unknown >= 0) {
            s[unknown] = dim - known;
        }
        return outputs(ctx, num == 1 ? List.of(x) : x.split(s, a));
    }

    private static Value[] outputs(KernelContext ctx, List<Tensor> parts) {
        Value[] out = new Value[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Value.of(TfArgs.as(parts.get(i), ctx.outputType(i)), ctx.outputType(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- Pad / PadV2

    private static OutputSpec[] padOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.input(n, 1, "Tpaddings", INDEX);
        if (n.numInputs() == 3 && n.inputType(2) != t) {
            TfArgs.sameType(n, 0, 3);
        }
        Shape in = n.inputShape(0);
        Optional<long[]> p = TfArgs.constant(n, 1);
        if (in.isUnknown() || p.isEmpty() || p.get().length != 2 * in.numDimensions()) {
            return TfArgs.one(t, in.isUnknown() ? Shape.unknown() : ArrayKernels.unknownDims(in.numDimensions()));
        }
        long[] out = in.asArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] < 0 ? -1 : out[i] + p.get()[2 * i] + p.get()[2 * i + 1];
        }
        return TfArgs.one(t, Shape.of(out));
    }

    /** Constant padding ({@code PadV2}'s {@code constant_values}, else 0); paddings is {@code [rank, 2]}. */
    private static Value[] pad(KernelContext ctx) {
        Tensor x = ctx.input(0);
        Tensor paddings = ctx.input(1);
        if (paddings.dim() != 2 || paddings.size(0) != x.dim() || paddings.size(1) != 2) {
            throw ctx.invalid("The first dimension of paddings must be the rank of inputs" + TfArgs.dims(
                    paddings.shape()) + ", input shape " + TfArgs.dims(x.shape()));
        }
        long[] p = paddings.toLongArray();
        double value = 0;
        if (ctx.numInputs() == 3) {
            Tensor c = ctx.input(2);
            if (c.dim() != 0) {
                throw ctx.invalid("constant_values must be a scalar. Found: " + TfArgs.dims(c.shape()));
            }
            value = c.item();
        }
        boolean any = false;
        long[] pads = new long[p.length];
        for (int d = 0; d < x.dim(); d++) {
            if (p[2 * d] < 0 || p[2 * d + 1] < 0) {
                throw ctx.invalid("Paddings must be non-negative: " + p[2 * d] + " " + p[2 * d + 1]);
            }
            // The engine pads last dimension first, as torch.nn.functional.pad does.
            int k = 2 * (x.dim() - 1 - d);
            pads[k] = p[2 * d];
            pads[k + 1] = p[2 * d + 1];
            any |= p[2 * d] != 0 || p[2 * d + 1] != 0;
        }
        return TfArgs.out(ctx, any ? Functional.pad(x, pads, value) : x);
    }
}
