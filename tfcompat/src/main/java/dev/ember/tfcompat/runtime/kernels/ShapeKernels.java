package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INDEX;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.SIGNED;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Shapes as values and tensors made from them: {@code Shape}, {@code ShapeN}, {@code Size},
 * {@code Rank}, {@code Fill}, {@code ZerosLike}/{@code OnesLike}, {@code Range}, and the shape
 * arithmetic of TF's gradient graphs ({@code BroadcastArgs}, {@code BroadcastGradientArgs},
 * {@code InvertPermutation}, {@code ConcatOffset}).
 */
public final class ShapeKernels {
    private ShapeKernels() {
    }

    public static void register() {
        OpRegistry.register("Shape", Kernels.of(
                n -> TfArgs.one(outType(n), n.inputShape(0).isUnknown() ? Shape.of(-1)
                        : Shape.of(n.inputShape(0).numDimensions())),
                ctx -> TfArgs.out(ctx, TfArgs.vectorOf(ctx.value(0).shape(), ctx.outputType(0)))));
        OpRegistry.register("ShapeN", Kernels.of(
                n -> {
                    TfArgs.sameType(n, 0, n.numInputs());
                    DataType t = outType(n);
                    OutputSpec[] out = new OutputSpec[n.numInputs()];
                    for (int i = 0; i < out.length; i++) {
                        Shape s = n.inputShape(i);
                        out[i] = new OutputSpec(t, s.isUnknown() ? Shape.of(-1) : Shape.of(s.numDimensions()));
                    }
                    return out;
                },
                ctx -> {
                    Value[] out = new Value[ctx.numInputs()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = Value.of(TfArgs.vectorOf(ctx.value(i).shape(), ctx.outputType(i)), ctx.outputType(i));
                    }
                    return out;
                }));
        OpRegistry.register("Size", Kernels.of(
                n -> TfArgs.one(outType(n), Shape.scalar()),
                ctx -> TfArgs.out(ctx, Tensor.scalar(numel(ctx.value(0).shape())))));
        OpRegistry.register("Rank", Kernels.of(
                n -> TfArgs.one(DataType.DT_INT32, Shape.scalar()),
                ctx -> TfArgs.out(ctx, Tensor.scalar((long) ctx.value(0).shape().length))));
        OpRegistry.register("Fill", Kernels.of(ShapeKernels::fillOutputs, ShapeKernels::fill));
        // Strings too: TF-Java's saver builds shape_and_slices as ZerosLike(tensor_names), so every
        // SavedModel it exports has one.
        OpRegistry.register("ZerosLike", Kernels.of(
                n -> TfArgs.one(n.inputType(0) == DataType.DT_STRING ? DataType.DT_STRING
                        : TfArgs.input(n, 0, "T", ANY), n.inputShape(0)),
                ctx -> {
                    Value v = ctx.value(0);
                    if (v.isStrings()) {
                        String[] empty = new String[v.strings().length];
                        java.util.Arrays.fill(empty, "");
                        return new Value[] {Value.strings(empty, v.shape())};
                    }
                    return TfArgs.out(ctx, Tensor.zerosLike(ctx.input(0).detach()));
                }));
        OpRegistry.register("OnesLike", Kernels.of(
                n -> TfArgs.one(TfArgs.input(n, 0, "T", ANY), n.inputShape(0)),
                ctx -> TfArgs.out(ctx, Tensor.onesLike(ctx.input(0).detach()))));
        OpRegistry.register("Range", Kernels.of(
                n -> TfArgs.one(TfArgs.allowed(n, "Tidx", TfArgs.sameType(n, 0, 3), SIGNED), Shape.of(-1)),
                ShapeKernels::range));
        OpRegistry.register("BroadcastArgs", Kernels.of(
                n -> TfArgs.one(TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), INDEX), Shape.of(-1)),
                ctx -> TfArgs.out(ctx, TfArgs.vectorOf(TfArgs.broadcast(ctx, TfArgs.vector(ctx, 0, "s0"),
                        TfArgs.vector(ctx, 1, "s1")), ctx.outputType(0)))));
        OpRegistry.register("BroadcastGradientArgs", Kernels.of(
                n -> {
                    DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), INDEX);
                    return new OutputSpec[] {new OutputSpec(t, Shape.of(-1)), new OutputSpec(t, Shape.of(-1))};
                },
                ShapeKernels::broadcastGradientArgs));
        OpRegistry.register("InvertPermutation", Kernels.of(
                n -> TfArgs.one(TfArgs.input(n, 0, "T", INDEX), n.inputShape(0)),
                ShapeKernels::invertPermutation));
        OpRegistry.register("ConcatOffset", Kernels.of(ShapeKernels::concatOffsetOutputs, ShapeKernels::concatOffset));
    }

    private static DataType outType(NodeView n) {
        return TfArgs.allowed(n, "out_type", n.attrType("out_type", DataType.DT_INT32), INDEX);
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    // ---------------------------------------------------------------- Fill

    private static OutputSpec[] fillOutputs(NodeView n) {
        TfArgs.input(n, 0, "index_type", INDEX);
        DataType t = TfArgs.input(n, 1, "T", ANY);
        Shape v = n.inputShape(1);
        if (!v.isUnknown() && v.numDimensions() != 0) {
            throw n.invalid("value must be a scalar, got shape " + TfArgs.text(v));
        }
        return TfArgs.one(t, TfArgs.constant(n, 0).map(Shape::of).orElseGet(() -> TfArgs.unknownOfLength(n, 0)));
    }

    private static Value[] fill(KernelContext ctx) {
        long[] dims = TfArgs.vector(ctx, 0, "dims");
        Tensor value = ctx.input(1);
        if (value.dim() != 0) {
            throw ctx.invalid("value must be a scalar, got shape " + TfArgs.dims(value.shape()));
        }
        for (long d : dims) {
            if (d < 0) {
                throw ctx.invalid("dims must be non-negative, got " + TfArgs.dims(dims));
            }
        }
        return TfArgs.out(ctx, value.expand(dims));
    }

    // ---------------------------------------------------------------- Range

    /** TF's Range: {@code start + i * delta} in the input type, {@code ceil(|limit - start| / |delta|)} values. */
    private static Value[] range(KernelContext ctx) {
        String[] names = {"start", "limit", "delta"};
        for (int i = 0; i < 3; i++) {
            if (ctx.input(i).dim() != 0) {
                throw ctx.invalid(names[i] + " must be a scalar, not shape " + TfArgs.dims(ctx.input(i).shape()));
            }
        }
        DataType t = ctx.outputType(0);
        if (t == DataType.DT_INT32 || t == DataType.DT_INT64) {
            long start = ctx.input(0).toLongArray()[0];
            long limit = ctx.input(1).toLongArray()[0];
            long delta = ctx.input(2).toLongArray()[0];
            checkRange(ctx, start, limit, delta, Long.toString(start), Long.toString(limit));
            long size = (Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta);
            long[] out = new long[Math.toIntExact(size)];
            for (int i = 0; i < out.length; i++) {
                out[i] = start + i * delta;
            }
            return TfArgs.out(ctx, Tensor.fromArray(out, out.length));
        }
        double start = ctx.input(0).item();
        double limit = ctx.input(1).item();
        double delta = ctx.input(2).item();
        checkRange(ctx, start, limit, delta, fmt(start), fmt(limit));
        if (t == DataType.DT_FLOAT) {
            float s = (float) start;
            float d = (float) delta;
            int size = (int) Math.ceil(Math.abs(((float) limit - s) / d));
            float[] out = new float[size];
            for (int i = 0; i < size; i++) {
                out[i] = s + i * d;
            }
            return TfArgs.out(ctx, Tensor.fromArray(out, size));
        }
        int size = (int) Math.ceil(Math.abs((limit - start) / delta));
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = start + i * delta;
        }
        return TfArgs.out(ctx, Tensor.fromArray(out, size));
    }

    private static void checkRange(KernelContext ctx, double start, double limit, double delta, String s, String l) {
        if (delta == 0) {
            throw ctx.invalid("Requires delta != 0: 0");
        }
        if (delta > 0 && start > limit) {
            throw ctx.invalid("Requires start <= limit when delta > 0: " + s + "/" + l);
        }
        if (delta < 0 && start < limit) {
            throw ctx.invalid("Requires start >= limit when delta < 0: " + s + "/" + l);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ---------------------------------------------------------------- gradient-graph shape arithmetic

    /**
     * For {@code x} of shape s0 and {@code y} of shape s1 broadcast together: the output dimensions
     * that broadcasting expanded for each (their gradients are summed over these). A dimension
     * where both are 1 is listed for both, as TF does.
     */
    private static Value[] broadcastGradientArgs(KernelContext ctx) {
        long[] s0 = TfArgs.vector(ctx, 0, "s0");
        long[] s1 = TfArgs.vector(ctx, 1, "s1");
        TfArgs.broadcast(ctx, s0, s1);
        int rank = Math.max(s0.length, s1.length);
        List<Long> r0 = new ArrayList<>();
        List<Long> r1 = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            long a = i < rank - s0.length ? 1 : s0[i - (rank - s0.length)];
            long b = i < rank - s1.length ? 1 : s1[i - (rank - s1.length)];
            if (a == 1 && b == 1) {
                r0.add((long) i);
                r1.add((long) i);
            } else if (a == 1) {
                r0.add((long) i);
            } else if (b == 1) {
                r1.add((long) i);
            }
        }
        return new Value[] {
            Value.of(TfArgs.vectorOf(r0.stream().mapToLong(Long::longValue).toArray(), ctx.outputType(0)),
                    ctx.outputType(0)),
            Value.of(TfArgs.vectorOf(r1.stream().mapToLong(Long::longValue).toArray(), ctx.outputType(1)),
                    ctx.outputType(1))};
    }

    private static Value[] invertPermutation(KernelContext ctx) {
        long[] p = TfArgs.vector(ctx, 0, "x");
        long[] inv = new long[p.length];
        boolean[] seen = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            long d = p[i];
            if (d < 0 || d >= p.length) {
                throw ctx.invalid(d + " is not between 0 and " + p.length);
            }
            if (seen[(int) d]) {
                throw ctx.invalid(d + " is duplicated in the input.");
            }
            seen[(int) d] = true;
            inv[(int) d] = i;
        }
        return TfArgs.out(ctx, TfArgs.vectorOf(inv, ctx.outputType(0)));
    }

    private static OutputSpec[] concatOffsetOutputs(NodeView n) {
        TfArgs.input(n, 0, "concat_dim", java.util.EnumSet.of(DataType.DT_INT32));
        if (n.numInputs() < 3) {
            throw n.invalid("ConcatOffset needs at least 2 shapes");
        }
        DataType t = TfArgs.allowed(n, "shape_type", TfArgs.sameType(n, 1, n.numInputs()), INDEX);
        OutputSpec[] out = new OutputSpec[n.numInputs() - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = new OutputSpec(t, n.inputShape(i + 1));
        }
        return out;
    }

    /** The offset of each input along {@code concat_dim} in the concatenation (0 elsewhere). */
    private static Value[] concatOffset(KernelContext ctx) {
        List<long[]> shapes = new ArrayList<>();
        for (int i = 1; i < ctx.numInputs(); i++) {
            shapes.add(TfArgs.vector(ctx, i, "shape"));
        }
        long[] s0 = shapes.get(0);
        int axis = (int) TfArgs.scalar(ctx, 0, "concat_dim");
        if (axis < -s0.length || axis >= s0.length) {
            throw ctx.invalid("Concat dim is out of range: " + axis + " vs. " + s0.length);
        }
        axis = axis < 0 ? axis + s0.length : axis;
        Value[] out = new Value[shapes.size()];
        long offset = 0;
        for (int i = 0; i < shapes.size(); i++) {
            long[] s = shapes.get(i);
            if (s.length != s0.length) {
                throw ctx.invalid("input " + i + " should contain " + s0.length + " elements, but got " + s.length);
            }
            for (int d = 0; d < s.length; d++) {
                if (d != axis && s[d] != s0[d]) {
                    throw ctx.invalid("All dimensions except " + axis + " must match. Input " + i + " has shape "
                            + TfArgs.dims(s) + " and doesn't match input 0 with shape " + TfArgs.dims(s0) + ".");
                }
            }
            long[] o = new long[s.length];
            o[axis] = offset;
            offset += s[axis];
            out[i] = Value.of(TfArgs.vectorOf(o, ctx.outputType(i)), ctx.outputType(i));
        }
        return out;
    }
}
