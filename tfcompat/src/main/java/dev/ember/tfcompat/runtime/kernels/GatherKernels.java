package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INDEX;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INTS;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Function;
import dev.ember.engine.autograd.FunctionCtx;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Index-driven ops: {@code GatherV2} ({@code axis}, {@code batch_dims}) and {@code Gather},
 * {@code OneHot}, {@code Where} (coordinates of true/non-zero elements), {@code DynamicStitch}/
 * {@code ParallelDynamicStitch} and {@code UnsortedSegmentSum}. Out-of-range indices are errors
 * naming the index, as on TF's CPU; gathers and scatters stay differentiable in their data.
 */
public final class GatherKernels {
    private GatherKernels() {
    }

    public static void register() {
        OpRegistry.register("GatherV2", Kernels.of(n -> gatherOutputs(n, true), ctx -> gather(ctx, true)));
        OpRegistry.register("Gather", Kernels.of(n -> gatherOutputs(n, false), ctx -> gather(ctx, false)));
        OpRegistry.register("OneHot", Kernels.of(GatherKernels::oneHotOutputs, GatherKernels::oneHot));
        OpRegistry.register("Where", Kernels.of(
                n -> {
                    Shape s = n.inputShape(0);
                    TfArgs.input(n, 0, "T", ANY);
                    return TfArgs.one(DataType.DT_INT64, Shape.of(-1, s.isUnknown() ? -1 : s.numDimensions()));
                },
                GatherKernels::where));
        OpRegistry.register("DynamicStitch", Kernels.of(GatherKernels::stitchOutputs, GatherKernels::stitch));
        OpRegistry.register("ParallelDynamicStitch", Kernels.of(GatherKernels::stitchOutputs, GatherKernels::stitch));
        OpRegistry.register("UnsortedSegmentSum", Kernels.of(GatherKernels::segmentOutputs, GatherKernels::segmentSum));
        OpRegistry.register("ListDiff", Kernels.of(
                n -> {
                    DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), ANY);
                    DataType idx = TfArgs.allowed(n, "out_idx", n.attrType("out_idx", DataType.DT_INT32), INDEX);
                    return new OutputSpec[] {new OutputSpec(t, Shape.of(-1)), new OutputSpec(idx, Shape.of(-1))};
                },
                GatherKernels::listDiff));
    }

    // ---------------------------------------------------------------- GatherV2 / Gather

    private static OutputSpec[] gatherOutputs(NodeView n, boolean v2) {
        DataType t = TfArgs.input(n, 0, "Tparams", ANY);
        TfArgs.input(n, 1, "Tindices", INDEX);
        Shape p = n.inputShape(0);
        Shape ix = n.inputShape(1);
        long axis = 0;
        if (v2) {
            TfArgs.input(n, 2, "Taxis", INDEX);
            Optional<long[]> a = TfArgs.constant(n, 2);
            if (a.isEmpty()) {
                return TfArgs.one(t, Shape.unknown());
            }
            axis = a.get()[0];
        }
        if (p.isUnknown() || ix.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        int a = TfArgs.axis(n, axis, p.numDimensions());
        int b = batchDims(n, n.attrLong("batch_dims", 0), ix.numDimensions(), a);
        return TfArgs.one(t, Shape.of(gatheredShape(p.asArray(), ix.asArray(), a, b)));
    }

    private static int batchDims(Attrs node, long batchDims, int indicesRank, int axis) {
        long b = batchDims < 0 ? batchDims + indicesRank : batchDims;
        if (b < 0 || b > indicesRank) {
            throw node.invalid("Expected batch_dims in the range [" + -indicesRank + ", " + indicesRank
                    + "], but got " + batchDims);
        }
        if (b > axis) {
            throw node.invalid("batch_dims (" + b + ") must be less than or equal to axis (" + axis + ").");
        }
        return (int) b;
    }

    /** {@code params.shape[:axis] + indices.shape[batch:] + params.shape[axis+1:]}. */
    private static long[] gatheredShape(long[] params, long[] indices, int axis, int batch) {
        long[] out = new long[params.length - 1 + indices.length - batch];
        int k = 0;
        for (int i = 0; i < axis; i++) {
            out[k++] = params[i];
        }
        for (int i = batch; i < indices.length; i++) {
            out[k++] = indices[i];
        }
        for (int i = axis + 1; i < params.length; i++) {
            out[k++] = params[i];
        }
        return out;
    }

    private static Value[] gather(KernelContext ctx, boolean v2) {
        Tensor params = ctx.input(0);
        Tensor indices = ctx.input(1);
        long axisValue = v2 ? TfArgs.scalar(ctx, 2, "axis") : 0;
        if (params.dim() == 0) {
            throw ctx.invalid("params must be at least 1 dimensional");
        }
        int axis = TfArgs.axis(ctx, axisValue, params.dim());
        int batch = batchDims(ctx, ctx.attrLong("batch_dims", 0), indices.dim(), axis);
        long[] idx = indices.toLongArray();
        long limit = params.size(axis);
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= limit) {
                throw ctx.invalid("indices[" + i + "] = " + idx[i] + " is not in [0, " + limit + ")");
            }
        }
        long[] outShape = gatheredShape(params.shape(), indices.shape(), axis, batch);
        if (batch == 0) {
            Tensor flat = Tensor.fromArray(idx, idx.length);
            return TfArgs.out(ctx, params.indexSelect(axis, flat).reshape(outShape));
        }
        for (int d = 0; d < batch; d++) {
            if (params.size(d) != indices.size(d)) {
                throw ctx.invalid("params.shape[" + d + "]: " + params.size(d) + " should be equal to indices.shape["
                        + d + "]: " + indices.size(d));
            }
        }
        long batches = 1;
        for (int d = 0; d < batch; d++) {
            batches *= params.size(d);
        }
        long[] pRest = Arrays.copyOfRange(params.shape(), batch, params.dim());
        long per = idx.length / Math.max(batches, 1);
        Tensor p = params.reshape(concat(new long[] {batches}, pRest));
        List<Tensor> parts = new ArrayList<>();
        for (int n = 0; n < batches; n++) {
            Tensor sel = Tensor.fromArray(Arrays.copyOfRange(idx, (int) (n * per), (int) ((n + 1) * per)), per);
            parts.add(p.select(0, n).indexSelect(axis - batch, sel));
        }
        return TfArgs.out(ctx, Tensor.stack(parts, 0).reshape(outShape));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---------------------------------------------------------------- OneHot

    private static OutputSpec[] oneHotOutputs(NodeView n) {
        TfArgs.input(n, 0, "TI", INTS);
        TfArgs.input(n, 1, "depth", EnumSet.of(DataType.DT_INT32));
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 2, 4), ANY);
        Shape ix = n.inputShape(0);
        if (ix.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        int rank = ix.numDimensions();
        int axis = oneHotAxis(n, n.attrLong("axis", -1), rank);
        long depth = TfArgs.constant(n, 1).map(v -> v[0]).orElse(-1L);
        long[] out = new long[rank + 1];
        for (int i = 0, k = 0; i < out.length; i++) {
            out[i] = i == axis ? depth : ix.size(k++);
        }
        return TfArgs.one(t, Shape.of(out));
    }

    private static int oneHotAxis(Attrs node, long axis, int rank) {
        if (axis < -1 || axis > rank) {
            throw node.invalid("Expected axis to be -1 or between [0, " + rank + ").  But received: " + axis);
        }
        return (int) (axis == -1 ? rank : axis);
    }

    /** {@code out[..., j, ...] = indices[...] == j ? on : off}, j along {@code axis}. */
    private static Value[] oneHot(KernelContext ctx) {
        Tensor indices = ctx.input(0).to(DType.INT64);
        long depth = TfArgs.scalar(ctx, 1, "depth");
        Tensor on = ctx.input(2);
        Tensor off = ctx.input(3);
        if (depth < 0) {
            throw ctx.invalid("depth must be non-negative, got: " + depth);
        }
        if (on.dim() != 0 || off.dim() != 0) {
            throw ctx.invalid("on_value and off_value must be scalars, got shapes " + TfArgs.dims(on.shape()) + " and "
                    + TfArgs.dims(off.shape()));
        }
        int axis = oneHotAxis(ctx, ctx.attrLong("axis", -1), indices.dim());
        long[] classShape = new long[indices.dim() + 1];
        Arrays.fill(classShape, 1);
        classShape[axis] = depth;
        Tensor classes = Tensor.arange(0, depth, 1, DType.INT64).reshape(classShape);
        Tensor hit = indices.unsqueeze(axis).eq(classes);
        return TfArgs.out(ctx, Tensor.where(hit, on, off));
    }

    // ---------------------------------------------------------------- Where

    /** The coordinates of the non-zero (true) elements, in row-major order, as int64 {@code [n, rank]}. */
    private static Value[] where(KernelContext ctx) {
        Tensor x = ctx.input(0);
        long[] shape = x.shape();
        double[] v = x.to(DType.FLOAT64).toDoubleArray();
        List<long[]> hits = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                long[] c = new long[shape.length];
                long r = i;
                for (int d = shape.length - 1; d >= 0; d--) {
                    c[d] = r % shape[d];
                    r /= shape[d];
                }
                hits.add(c);
            }
        }
        long[] flat = new long[hits.size() * shape.length];
        for (int i = 0; i < hits.size(); i++) {
            System.arraycopy(hits.get(i), 0, flat, i * shape.length, shape.length);
        }
        return TfArgs.out(ctx, Tensor.fromArray(flat, hits.size(), shape.length));
    }

    // ---------------------------------------------------------------- DynamicStitch

    private static int stitchCount(NodeView n) {
        if (n.numInputs() % 2 != 0 || n.numInputs() == 0) {
            throw n.invalid("expects N indices and N data inputs, got " + n.numInputs() + " inputs");
        }
        return n.numInputs() / 2;
    }

    private static OutputSpec[] stitchOutputs(NodeView n) {
        int count = stitchCount(n);
        for (int i = 0; i < count; i++) {
            TfArgs.input(n, i, "indices", EnumSet.of(DataType.DT_INT32));
        }
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, count, 2 * count), ANY);
        Shape i0 = n.inputShape(0);
        Shape d0 = n.inputShape(count);
        if (i0.isUnknown() || d0.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        long[] out = new long[d0.numDimensions() - i0.numDimensions() + 1];
        out[0] = -1;
        for (int i = 1; i < out.length; i++) {
            out[i] = d0.size(i0.numDimensions() + i - 1);
        }
        return TfArgs.one(t, Shape.of(out));
    }

    /**
     * {@code merged[indices[m][i]] = data[m][i]}; later entries win; slots no index names are zero.
     * The gradient is TF's: {@code d data[m] = gather(grad, indices[m])}, also for entries a later
     * one overwrote (the true derivative would be 0 there).
     */
    private static Value[] stitch(KernelContext ctx) {
        int count = ctx.numInputs() / 2;
        long[] suffix = null;
        long[][] indices = new long[count][];
        Tensor[] data = new Tensor[count];
        long max = -1;
        for (int m = 0; m < count; m++) {
            Tensor ix = ctx.input(m);
            data[m] = ctx.input(count + m);
            long[] ds = data[m].shape();
            long[] is = ix.shape();
            if (ds.length < is.length || !Arrays.equals(Arrays.copyOf(ds, is.length), is)) {
                throw ctx.invalid("data[" + m + "].shape = " + TfArgs.dims(ds) + " does not start with indices[" + m
                        + "].shape = " + TfArgs.dims(is));
            }
            long[] s = Arrays.copyOfRange(ds, is.length, ds.length);
            if (suffix == null) {
                suffix = s;
            } else if (!Arrays.equals(suffix, s)) {
                throw ctx.invalid("Need data[0].shape[" + ctx.input(0).dim() + ":] = data[" + m + "].shape["
                        + is.length + ":], got " + TfArgs.dims(suffix) + " vs. " + TfArgs.dims(s));
            }
            indices[m] = ix.toLongArray();
            for (long v : indices[m]) {
                if (v < 0) {
                    throw ctx.invalid("indices[" + m + "] has a negative index " + v);
                }
                max = Math.max(max, v);
            }
        }
        return TfArgs.out(ctx, new Stitch(indices, suffix, max + 1).apply(data));
    }

    /** DynamicStitch as one autograd function, so that its gradient is TF's gather. */
    private static final class Stitch extends Function {
        private final long[][] indices;
        private final long[] suffix;
        private final long slots;
        private long[][] shapes;

        Stitch(long[][] indices, long[] suffix, long slots) {
            this.indices = indices;
            this.suffix = suffix;
            this.slots = slots;
        }

        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... data) {
            List<Tensor> rows = new ArrayList<>();
            shapes = new long[data.length][];
            long[] source = new long[(int) slots];
            Arrays.fill(source, -1);
            long total = 0;
            for (int m = 0; m < data.length; m++) {
                shapes[m] = data[m].shape();
                rows.add(data[m].reshape(concat(new long[] {indices[m].length}, suffix)));
                for (long v : indices[m]) {
                    source[(int) v] = total++;
                }
            }
            // Unnamed slots read an extra zero row.
            rows.add(Tensor.zeros(data[0].dtype(), concat(new long[] {1}, suffix)));
            for (int i = 0; i < source.length; i++) {
                if (source[i] < 0) {
                    source[i] = total;
                }
            }
            Tensor all = Tensor.cat(rows, 0);
            return outputs(all.indexSelect(0, Tensor.fromArray(source, source.length))
                    .reshape(concat(new long[] {slots}, suffix)));
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... grads) {
            Tensor[] out = new Tensor[indices.length];
            for (int m = 0; m < out.length; m++) {
                Tensor picked = grads[0].indexSelect(0, Tensor.fromArray(indices[m], indices[m].length));
                out[m] = ctx.needsInputGrad(m) ? picked.reshape(shapes[m]) : null;
            }
            return out;
        }
    }

    // ---------------------------------------------------------------- ListDiff

    /** The entries of vector {@code x} that are not in vector {@code y} (in order, repeats kept) and their positions. */
    private static Value[] listDiff(KernelContext ctx) {
        Tensor x = ctx.input(0);
        Tensor y = ctx.input(1);
        if (x.dim() != 1 || y.dim() != 1) {
            throw ctx.invalid("x and y should be 1D vectors, got shapes " + TfArgs.dims(x.shape()) + " and "
                    + TfArgs.dims(y.shape()));
        }
        java.util.Set<Object> drop = new java.util.HashSet<>(values(y));
        List<Object> xs = values(x);
        List<Long> keep = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (!drop.contains(xs.get(i))) {
                keep.add((long) i);
            }
        }
        long[] idx = keep.stream().mapToLong(Long::longValue).toArray();
        Tensor positions = Tensor.fromArray(idx, idx.length);
        return new Value[] {
            Value.of(TfArgs.as(x.indexSelect(0, positions), ctx.outputType(0)), ctx.outputType(0)),
            Value.of(TfArgs.as(positions, ctx.outputType(1)), ctx.outputType(1))};
    }

    /** Exact element values for set membership: longs for integers and bools, doubles for floats. */
    private static List<Object> values(Tensor t) {
        List<Object> out = new ArrayList<>();
        if (t.dtype().isFloatingPoint()) {
            for (double v : t.to(DType.FLOAT64).toDoubleArray()) {
                out.add(v == 0 ? 0.0 : v);
            }
        } else {
            for (long v : t.toLongArray()) {
                out.add(v);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- UnsortedSegmentSum

    private static OutputSpec[] segmentOutputs(NodeView n) {
        DataType t = TfArgs.input(n, 0, "T", NUMBERS);
        TfArgs.input(n, 1, "Tindices", INDEX);
        TfArgs.input(n, 2, "Tnumsegments", INDEX);
        Shape d = n.inputShape(0);
        Shape ids = n.inputShape(1);
        if (d.isUnknown() || ids.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        long[] out = new long[d.numDimensions() - ids.numDimensions() + 1];
        out[0] = TfArgs.constant(n, 2).map(v -> v[0]).orElse(-1L);
        for (int i = 1; i < out.length; i++) {
            out[i] = d.size(ids.numDimensions() + i - 1);
        }
        return TfArgs.one(t, Shape.of(out));
    }

    /** Sums the rows of {@code data} into segments; negative ids are dropped, as in TF. */
    private static Value[] segmentSum(KernelContext ctx) {
        Tensor data = ctx.input(0);
        Tensor ids = ctx.input(1);
        long num = TfArgs.scalar(ctx, 2, "num_segments");
        long[] ds = data.shape();
        long[] is = ids.shape();
        if (ds.length < is.length || !Arrays.equals(Arrays.copyOf(ds, is.length), is)) {
            throw ctx.invalid("data.shape = " + TfArgs.dims(ds) + " does not start with segment_ids.shape = "
                    + TfArgs.dims(is));
        }
        long[] suffix = Arrays.copyOfRange(ds, is.length, ds.length);
        long[] values = ids.toLongArray();
        List<Long> keep = new ArrayList<>();
        List<Long> target = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= num) {
                throw ctx.invalid("segment_ids[" + i + "] = " + values[i] + " is out of range [0, " + num + ")");
            }
            if (values[i] >= 0) {
                keep.add((long) i);
                target.add(values[i]);
            }
        }
        Tensor rows = data.reshape(concat(new long[] {values.length}, suffix));
        Tensor zeros = Tensor.zeros(rows.dtype(), concat(new long[] {num}, suffix));
        if (keep.isEmpty()) {
            return TfArgs.out(ctx, zeros);
        }
        Tensor picked = rows.indexSelect(0, Tensor.fromArray(keep.stream().mapToLong(Long::longValue).toArray(), keep.size()));
        Tensor to = Tensor.fromArray(target.stream().mapToLong(Long::longValue).toArray(), target.size());
        return TfArgs.out(ctx, zeros.indexAdd(0, to, picked));
    }
}
