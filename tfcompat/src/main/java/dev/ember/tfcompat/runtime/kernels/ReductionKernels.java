package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INDEX;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Reductions over axes given as a tensor input ({@code Sum}, {@code Mean}, {@code Max}, {@code Min},
 * {@code Prod}, {@code All}, {@code Any}; negative axes, duplicates ignored, {@code keep_dims}; an
 * empty axis list reduces nothing) and {@code ArgMax}/{@code ArgMin} with {@code output_type}.
 * Integer {@code Mean} divides with C++ truncation, as TF does.
 */
public final class ReductionKernels {
    private static final Set<DataType> BOOL = EnumSet.of(DataType.DT_BOOL);

    /** A reduction of {@code x} over sorted, distinct, non-empty {@code dims}. */
    @FunctionalInterface
    private interface Reduce {
        Tensor apply(Tensor x, int[] dims, boolean keep);
    }

    private ReductionKernels() {
    }

    public static void register() {
        reduction("Sum", NUMBERS, Tensor::sum);
        reduction("Mean", NUMBERS, ReductionKernels::mean);
        reduction("Max", NUMBERS, Tensor::amax);
        reduction("Min", NUMBERS, Tensor::amin);
        reduction("Prod", NUMBERS, ReductionKernels::prod);
        reduction("All", BOOL, (x, d, k) -> x.logicalNot().to(DType.INT64).sum(d, k).eq(0.0));
        reduction("Any", BOOL, (x, d, k) -> x.to(DType.INT64).sum(d, k).gt(0.0));
        argReduction("ArgMax", true);
        argReduction("ArgMin", false);
    }

    private static void reduction(String type, Set<DataType> types, Reduce f) {
        OpRegistry.register(type, Kernels.of(
                n -> {
                    DataType t = TfArgs.input(n, 0, "T", types);
                    TfArgs.input(n, 1, "Tidx", INDEX);
                    return TfArgs.one(t, reducedShape(n, n.attrBool("keep_dims", false)));
                },
                ctx -> {
                    Tensor x = ctx.input(0);
                    boolean keep = ctx.attrBool("keep_dims", false);
                    int[] dims = axes(ctx, TfArgs.longs(ctx, 1), x.dim());
                    return TfArgs.out(ctx, dims.length == 0 ? x : f.apply(x, dims, keep));
                }));
    }

    /** Reduction axes normalised, sorted and de-duplicated; TF's message for an axis out of range. */
    static int[] axes(Attrs node, long[] axes, int rank) {
        TreeSet<Integer> out = new TreeSet<>();
        for (long a : axes) {
            if (a < -rank || a >= rank) {
                throw node.invalid("Invalid reduction dimension (" + a + " for input with " + rank + " dimension(s)");
            }
            out.add((int) (a < 0 ? a + rank : a));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Shape reducedShape(NodeView n, boolean keep) {
        Shape in = n.inputShape(0);
        Optional<long[]> axes = TfArgs.constant(n, 1);
        if (in.isUnknown()) {
            return Shape.unknown();
        }
        int rank = in.numDimensions();
        if (axes.isEmpty()) {
            if (!keep) {
                return Shape.unknown();
            }
            long[] d = new long[rank];
            Arrays.fill(d, -1);
            return Shape.of(d);
        }
        int[] dims = axes(n, axes.get(), rank);
        long[] out = new long[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            boolean reduced = Arrays.binarySearch(dims, i) >= 0;
            if (reduced && keep) {
                out[k++] = 1;
            } else if (!reduced) {
                out[k++] = in.size(i);
            }
        }
        return Shape.of(Arrays.copyOf(out, k));
    }

    private static Tensor mean(Tensor x, int[] dims, boolean keep) {
        if (x.dtype().isFloatingPoint()) {
            return x.mean(dims, keep);
        }
        long count = 1;
        for (int d : dims) {
            count *= x.size(d);
        }
        Tensor sum = x.sum(dims, keep);
        return IntMath.apply(sum, Tensor.scalar(count), sum.shape(), IntMath::truncDiv);
    }

    private static Tensor prod(Tensor x, int[] dims, boolean keep) {
        Tensor r = x;
        for (int d : dims) {
            r = r.prod(d, true);
        }
        if (keep) {
            return r;
        }
        long[] shape = new long[x.dim() - dims.length];
        int k = 0;
        for (int i = 0; i < x.dim(); i++) {
            if (Arrays.binarySearch(dims, i) < 0) {
                shape[k++] = x.size(i);
            }
        }
        return r.reshape(shape);
    }

    /** ArgMax/ArgMin along a scalar {@code dimension} input; the first index wins ties, as in TF. */
    private static void argReduction(String type, boolean max) {
        OpRegistry.register(type, Kernels.of(
                n -> {
                    TfArgs.input(n, 0, "T", ANY);
                    TfArgs.input(n, 1, "Tidx", INDEX);
                    DataType out = TfArgs.allowed(n, "output_type", n.attrType("output_type", DataType.DT_INT64), INDEX);
                    Shape in = n.inputShape(0);
                    Optional<long[]> axis = TfArgs.constant(n, 1);
                    if (in.isUnknown() || axis.isEmpty() || axis.get().length != 1) {
                        return TfArgs.one(out, Shape.unknown());
                    }
                    int a = argAxis(n, axis.get()[0], in.numDimensions());
                    long[] d = new long[in.numDimensions() - 1];
                    for (int i = 0, k = 0; i < in.numDimensions(); i++) {
                        if (i != a) {
                            d[k++] = in.size(i);
                        }
                    }
                    return TfArgs.one(out, Shape.of(d));
                },
                ctx -> {
                    Tensor x = ctx.input(0);
                    if (!x.dtype().isFloatingPoint()) {
                        x = x.to(DType.INT64);
                    }
                    int a = argAxis(ctx, TfArgs.scalar(ctx, 1, "dimension"), x.dim());
                    if (x.size(a) == 0) {
                        throw ctx.invalid("Reduction axis " + a + " is empty in shape " + TfArgs.dims(x.shape()));
                    }
                    return TfArgs.out(ctx, max ? x.argmax(a, false) : x.argmin(a, false));
                }));
    }

    private static int argAxis(Attrs node, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw node.invalid("Expected dimension in the range [" + -rank + ", " + rank + "), but got " + axis);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
