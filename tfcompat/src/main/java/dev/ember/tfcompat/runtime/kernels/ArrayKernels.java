package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INDEX;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Reshaping and joining: {@code Reshape} (one -1 inferred), {@code Transpose}, {@code ConcatV2}/
 * {@code Concat}, {@code Pack}/{@code Unpack}, {@code ExpandDims}, {@code Squeeze}, {@code Tile},
 * {@code BroadcastTo} and {@code ReverseV2}. Shape-like arguments are int32/int64 tensor inputs,
 * read at run time; static shapes come from constant arguments where there are some.
 */
public final class ArrayKernels {
    private ArrayKernels() {
    }

    public static void register() {
        OpRegistry.register("Reshape", Kernels.of(ArrayKernels::reshapeOutputs, ArrayKernels::reshape));
        OpRegistry.register("Transpose", Kernels.of(ArrayKernels::transposeOutputs, ArrayKernels::transpose));
        OpRegistry.register("ConcatV2", Kernels.of(n -> concatOutputs(n, n.numInputs() - 1, 0), ctx -> concat(ctx, 0,
                ctx.numInputs() - 1, ctx.numInputs() - 1)));
        OpRegistry.register("Concat", Kernels.of(n -> concatOutputs(n, 0, 1), ctx -> concat(ctx, 1, ctx.numInputs(), 0)));
        OpRegistry.register("Pack", Kernels.of(ArrayKernels::packOutputs, ArrayKernels::pack));
        OpRegistry.register("Unpack", Kernels.of(ArrayKernels::unpackOutputs, ArrayKernels::unpack));
        OpRegistry.register("ExpandDims", Kernels.of(ArrayKernels::expandDimsOutputs, ctx -> {
            Tensor x = ctx.input(0);
            long d = TfArgs.scalar(ctx, 1, "dim");
            if (d < -x.dim() - 1 || d > x.dim()) {
                throw ctx.invalid("Tried to expand dim index " + d + " for tensor with " + x.dim() + " dimensions.");
            }
            return TfArgs.out(ctx, x.unsqueeze((int) (d < 0 ? d + x.dim() + 1 : d)));
        }));
        OpRegistry.register("Squeeze", Kernels.of(ArrayKernels::squeezeOutputs, ArrayKernels::squeeze));
        OpRegistry.register("Tile", Kernels.of(ArrayKernels::tileOutputs, ArrayKernels::tile));
        OpRegistry.register("BroadcastTo", Kernels.of(
                n -> {
                    TfArgs.input(n, 1, "Tidx", INDEX);
                    return TfArgs.one(TfArgs.input(n, 0, "T", ANY),
                            TfArgs.constant(n, 1).map(Shape::of).orElseGet(() -> TfArgs.unknownOfLength(n, 1)));
                },
                ctx -> {
                    Tensor x = ctx.input(0);
                    long[] shape = TfArgs.vector(ctx, 1, "shape");
                    long[] b = TfArgs.broadcast(ctx, x.shape(), shape);
                    if (!Arrays.equals(b, shape)) {
                        throw ctx.invalid("Unable to broadcast tensor of shape " + TfArgs.dims(x.shape())
                                + " to tensor of shape " + TfArgs.dims(shape));
                    }
                    return TfArgs.out(ctx, x.broadcastTo(shape));
                }));
        OpRegistry.register("ReverseV2", Kernels.of(
                n -> {
                    TfArgs.input(n, 1, "Tidx", INDEX);
                    return TfArgs.one(TfArgs.input(n, 0, "T", ANY), n.inputShape(0));
                },
                ctx -> {
                    Tensor x = ctx.input(0);
                    long[] axes = TfArgs.vector(ctx, 1, "axis");
                    boolean[] seen = new boolean[x.dim()];
                    List<Integer> dims = new ArrayList<>();
                    for (long a : axes) {
                        int d = TfArgs.axis(ctx, a, x.dim());
                        if (seen[d]) {
                            throw ctx.invalid("axis " + d + " specified more than once.");
                        }
                        seen[d] = true;
                        if (x.size(d) > 1) {
                            dims.add(d);
                        }
                    }
                    return TfArgs.out(ctx, dims.isEmpty() ? x : x.flip(dims.stream().mapToInt(i -> i).toArray()));
                }));
    }

    // ---------------------------------------------------------------- Reshape

    private static OutputSpec[] reshapeOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.input(n, 1, "Tshape", INDEX);
        Optional<long[]> target = TfArgs.constant(n, 1);
        if (target.isEmpty()) {
            return TfArgs.one(t, TfArgs.unknownOfLength(n, 1));
        }
        long[] shape = target.get().clone();
        Shape in = n.inputShape(0);
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw n.invalid("Cannot infer multiple unknown dimensions in shape " + TfArgs.dims(shape));
                }
                unknown = i;
            } else if (shape[i] < -1) {
                throw n.invalid("Size " + i + " must be non-negative, not " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        if (!in.isUnknown() && !in.hasUnknownDimension()) {
            long size = in.size();
            if (unknown >= 0 && known > 0 && size % known == 0) {
                shape[unknown] = size / known;
            } else if (unknown < 0 && known != size) {
                throw n.invalid("Cannot reshape a tensor with " + size + " elements to shape " + TfArgs.dims(shape) + " ("
                        + known + " elements)");
            }
        }
        return TfArgs.one(t, Shape.of(shape));
    }

    private static Value[] reshape(KernelContext ctx) {
        Tensor x = ctx.input(0);
        long[] shape = TfArgs.vector(ctx, 1, "shape");
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw ctx.invalid("only one input size may be -1, not both " + unknown + " and " + i);
                }
                unknown = i;
            } else if (shape[i] < 0) {
                throw ctx.invalid("Size " + i + " must be non-negative, not " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        long size = x.numel();
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw ctx.invalid("Input to reshape is a tensor with " + size + " values, but the requested shape "
                        + "requires a multiple of " + known);
            }
            shape[unknown] = size / known;
        } else if (known != size) {
            throw ctx.invalid("Input to reshape is a tensor with " + size + " values, but the requested shape has "
                    + known);
        }
        return TfArgs.out(ctx, x.reshape(shape));
    }

    // ---------------------------------------------------------------- Transpose

    private static OutputSpec[] transposeOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.input(n, 1, "Tperm", INDEX);
        Shape in = n.inputShape(0);
        Optional<long[]> perm = TfArgs.constant(n, 1);
        if (in.isUnknown() || perm.isEmpty()) {
            return TfArgs.one(t, in.isUnknown() ? TfArgs.unknownOfLength(n, 1) : unknownDims(in.numDimensions()));
        }
        int[] p = permutation(n, perm.get(), in.numDimensions());
        long[] out = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = in.size(p[i]);
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static Value[] transpose(KernelContext ctx) {
        Tensor x = ctx.input(0);
        return TfArgs.out(ctx, x.permute(permutation(ctx, TfArgs.vector(ctx, 1, "perm"), x.dim())));
    }

    private static int[] permutation(dev.ember.tfcompat.runtime.Attrs node, long[] perm, int rank) {
        if (perm.length != rank) {
            throw node.invalid("transpose expects a vector of size " + rank + ". But input(1) is a vector of size "
                    + perm.length);
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            long d = perm[i];
            if (d < 0 || d >= rank) {
                throw node.invalid(d + " is out of range [0 .. " + rank + ")");
            }
            if (seen[(int) d]) {
                throw node.invalid(d + " is duplicated in perm " + TfArgs.dims(perm));
            }
            seen[(int) d] = true;
            p[i] = (int) d;
        }
        return p;
    }

    static Shape unknownDims(int rank) {
        long[] d = new long[rank];
        Arrays.fill(d, -1);
        return Shape.of(d);
    }

    // ---------------------------------------------------------------- ConcatV2 / Concat

    /** Values are inputs {@code [first, first + n)}; the axis is input {@code axisInput}. */
    private static OutputSpec[] concatOutputs(NodeView n, int axisInput, int first) {
        int count = n.numInputs() - 1;
        if (count < 1) {
            throw n.invalid("needs at least one value and an axis");
        }
        TfArgs.input(n, axisInput, "Tidx", INDEX);
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, first, first + count), ANY);
        Optional<long[]> axis = TfArgs.constant(n, axisInput);
        Shape s0 = n.inputShape(first);
        if (s0.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        int rank = s0.numDimensions();
        if (axis.isEmpty()) {
            return TfArgs.one(t, unknownDims(rank));
        }
        int a = TfArgs.axis(n, axis.get()[0], rank);
        long[] out = s0.asArray();
        for (int i = first + 1; i < first + count; i++) {
            Shape s = n.inputShape(i);
            if (s.isUnknown()) {
                out[a] = -1;
                continue;
            }
            if (s.numDimensions() != rank) {
                throw n.invalid("Shape must be rank " + rank + " but is rank " + s.numDimensions() + " (input "
                        + (i - first) + ")");
            }
            out[a] = out[a] < 0 || s.size(a) < 0 ? -1 : out[a] + s.size(a);
            for (int d = 0; d < rank; d++) {
                if (d != a && out[d] >= 0 && s.size(d) >= 0 && out[d] != s.size(d)) {
                    throw n.invalid("Dimension " + d + " in both shapes must be equal, but are " + out[d] + " and "
                            + s.size(d) + ". Shapes are " + TfArgs.text(s0) + " and " + TfArgs.text(s) + ".");
                }
            }
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static Value[] concat(KernelContext ctx, int first, int end, int axisInput) {
        List<Tensor> values = new ArrayList<>();
        for (int i = first; i < end; i++) {
            values.add(ctx.input(i));
        }
        long[] s0 = values.get(0).shape();
        int a = TfArgs.axis(ctx, TfArgs.scalar(ctx, axisInput, "axis"), s0.length);
        for (int i = 1; i < values.size(); i++) {
            long[] s = values.get(i).shape();
            if (s.length != s0.length) {
                throw ctx.invalid("ConcatOp : Ranks of all input tensors should match: shape[0] = " + TfArgs.dims(s0)
                        + " vs. shape[" + i + "] = " + TfArgs.dims(s));
            }
            for (int d = 0; d < s.length; d++) {
                if (d != a && s[d] != s0[d]) {
                    throw ctx.invalid("ConcatOp : Dimension " + d + " in both shapes must be equal: shape[0] = "
                            + TfArgs.dims(s0) + " vs. shape[" + i + "] = " + TfArgs.dims(s));
                }
            }
        }
        return TfArgs.out(ctx, values.size() == 1 ? values.get(0) : Tensor.cat(values, a));
    }

    // ---------------------------------------------------------------- Pack / Unpack

    private static OutputSpec[] packOutputs(NodeView n) {
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, n.numInputs()), ANY);
        Shape s = n.inputShape(0);
        for (int i = 1; i < n.numInputs(); i++) {
            Shape o = n.inputShape(i);
            if (!s.isUnknown() && !o.isUnknown() && !s.isCompatibleWith(o)) {
                throw n.invalid("Shapes of all inputs must match: values[0].shape = " + TfArgs.text(s) + " != values["
                        + i + "].shape = " + TfArgs.text(o));
            }
        }
        if (s.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        int a = packAxis(n, n.attrLong("axis", 0), s.numDimensions());
        long[] out = new long[s.numDimensions() + 1];
        for (int i = 0, k = 0; i < out.length; i++) {
            out[i] = i == a ? n.numInputs() : s.size(k++);
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static int packAxis(dev.ember.tfcompat.runtime.Attrs node, long axis, int rank) {
        if (axis < -(rank + 1) || axis > rank) {
            throw node.invalid("axis = " + axis + " not in [" + -(rank + 1) + ", " + (rank + 1) + ")");
        }
        return (int) (axis < 0 ? axis + rank + 1 : axis);
    }

    private static Value[] pack(KernelContext ctx) {
        List<Tensor> values = new ArrayList<>();
        for (int i = 0; i < ctx.numInputs(); i++) {
            Tensor v = ctx.input(i);
            if (!Arrays.equals(v.shape(), ctx.input(0).shape())) {
                throw ctx.invalid("Shapes of all inputs must match: values[0].shape = "
                        + TfArgs.dims(ctx.input(0).shape()) + " != values[" + i + "].shape = " + TfArgs.dims(v.shape()));
            }
            values.add(v);
        }
        int a = packAxis(ctx, ctx.attrLong("axis", 0), values.get(0).dim());
        return TfArgs.out(ctx, Tensor.stack(values, a));
    }

    private static OutputSpec[] unpackOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        int num = (int) n.attrLong("num");
        Shape s = n.inputShape(0);
        Shape piece = Shape.unknown();
        if (!s.isUnknown()) {
            int rank = s.numDimensions();
            int a = TfArgs.axis(n, n.attrLong("axis", 0), rank);
            if (s.size(a) >= 0 && s.size(a) != num) {
                throw n.invalid("Dimension must be " + num + " but is " + s.size(a) + " for unpacking " + TfArgs.text(s)
                        + " along axis " + a);
            }
            long[] d = new long[rank - 1];
            for (int i = 0, k = 0; i < rank; i++) {
                if (i != a) {
                    d[k++] = s.size(i);
                }
            }
            piece = Shape.of(d);
        }
        OutputSpec[] out = new OutputSpec[num];
        Arrays.fill(out, new OutputSpec(t, piece));
        return out;
    }

    private static Value[] unpack(KernelContext ctx) {
        Tensor x = ctx.input(0);
        int num = (int) ctx.attrLong("num");
        int a = TfArgs.axis(ctx, ctx.attrLong("axis", 0), x.dim());
        if (x.size(a) != num) {
            throw ctx.invalid("Input shape axis " + a + " must equal " + num + ", got shape " + TfArgs.dims(x.shape()));
        }
        List<Tensor> parts = x.unbind(a);
        Value[] out = new Value[num];
        for (int i = 0; i < num; i++) {
            out[i] = Value.of(TfArgs.as(parts.get(i), ctx.outputType(i)), ctx.outputType(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- ExpandDims / Squeeze / Tile

    private static OutputSpec[] expandDimsOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.input(n, 1, "Tdim", INDEX);
        Shape s = n.inputShape(0);
        Optional<long[]> dim = TfArgs.constant(n, 1);
        if (s.isUnknown() || dim.isEmpty() || dim.get().length != 1) {
            return TfArgs.one(t, s.isUnknown() ? Shape.unknown() : unknownDims(s.numDimensions() + 1));
        }
        int rank = s.numDimensions();
        long d = dim.get()[0];
        if (d < -rank - 1 || d > rank) {
            throw n.invalid("Tried to expand dim index " + d + " for tensor with " + rank + " dimensions.");
        }
        int at = (int) (d < 0 ? d + rank + 1 : d);
        long[] out = new long[rank + 1];
        for (int i = 0, k = 0; i < out.length; i++) {
            out[i] = i == at ? 1 : s.size(k++);
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static OutputSpec[] squeezeOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        Shape s = n.inputShape(0);
        if (s.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        long[] dims = n.attrLongs("squeeze_dims", new long[0]);
        boolean[] drop = new boolean[s.numDimensions()];
        for (long d : dims) {
            int a = TfArgs.axis(n, d, s.numDimensions());
            if (s.size(a) >= 0 && s.size(a) != 1) {
                throw n.invalid("Can not squeeze dim[" + a + "], expected a dimension of 1, got " + s.size(a));
            }
            drop[a] = true;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < drop.length; i++) {
            if (dims.length == 0 && s.size(i) < 0) {
                return TfArgs.one(t, Shape.unknown());
            }
            if (!drop[i] && !(dims.length == 0 && s.size(i) == 1)) {
                out.add(s.size(i));
            }
        }
        return TfArgs.one(t, Shape.of(out.stream().mapToLong(Long::longValue).toArray()));
    }

    private static Value[] squeeze(KernelContext ctx) {
        Tensor x = ctx.input(0);
        long[] dims = ctx.attrLongs("squeeze_dims", new long[0]);
        boolean[] drop = new boolean[x.dim()];
        for (long d : dims) {
            int a = TfArgs.axis(ctx, d, x.dim());
            if (x.size(a) != 1) {
                throw ctx.invalid("Can not squeeze dim[" + a + "], expected a dimension of 1, got " + x.size(a));
            }
            drop[a] = true;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < drop.length; i++) {
            if (!drop[i] && !(dims.length == 0 && x.size(i) == 1)) {
                out.add(x.size(i));
            }
        }
        return TfArgs.out(ctx, x.reshape(out.stream().mapToLong(Long::longValue).toArray()));
    }

    private static OutputSpec[] tileOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", ANY);
        TfArgs.input(n, 1, "Tmultiples", INDEX);
        Shape s = n.inputShape(0);
        Optional<long[]> m = TfArgs.constant(n, 1);
        if (s.isUnknown() || m.isEmpty() || m.get().length != s.numDimensions()) {
            return TfArgs.one(t, s.isUnknown() ? TfArgs.unknownOfLength(n, 1) : unknownDims(s.numDimensions()));
        }
        long[] out = new long[s.numDimensions()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.size(i) < 0 ? -1 : s.size(i) * m.get()[i];
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static Value[] tile(KernelContext ctx) {
        Tensor x = ctx.input(0);
        long[] m = TfArgs.vector(ctx, 1, "multiples");
        if (m.length != x.dim()) {
            throw ctx.invalid("Expected multiples argument to be a vector of length " + x.dim() + " but got length "
                    + m.length);
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] < 0) {
                throw ctx.invalid("Expected multiples[" + i + "] >= 0, but got " + m[i]);
            }
        }
        return TfArgs.out(ctx, x.dim() == 0 ? x : x.repeat(m));
    }
}
