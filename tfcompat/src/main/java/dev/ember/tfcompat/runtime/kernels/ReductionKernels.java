package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.INDEX;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Reductions over axes given as a tensor input ({@code Sum}, {@code Mean}, {@code Max}, {@code Min},
 * {@code Prod}, {@code All}, {@code Any}; negative axes, {@code keep_dims}; an empty axis list
 * reduces nothing; an axis given twice is an error, as in TF) and {@code ArgMax}/{@code ArgMin} with {@code output_type}.
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
        scan("Cumsum", false);
        scan("Cumprod", true);
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

    /** Reduction axes normalised and sorted; TF's messages for an axis out of range or given twice. */
    static int[] axes(Attrs node, long[] axes, int rank) {
        TreeSet<Integer> out = new TreeSet<>();
        for (long a : axes) {
            if (a < -rank || a >= rank) {
                throw node.invalid("Invalid reduction dimension (" + a + " for input with " + rank + " dimension(s)");
            }
            if (!out.add((int) (a < 0 ? a + rank : a))) {
                throw node.invalid("Invalid reduction arguments: Axes contains duplicate dimension: " + (a < 0 ? a + rank : a));
            }
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

    /** Cumsum/Cumprod along a scalar {@code axis} input, with TF's {@code exclusive} and {@code reverse}. */
    private static void scan(String type, boolean product) {
        OpRegistry.register(type, Kernels.of(
                n -> {
                    DataType t = TfArgs.input(n, 0, "T", NUMBERS);
                    TfArgs.input(n, 1, "Tidx", INDEX);
                    return TfArgs.one(t, n.inputShape(0));
                },
                ctx -> {
                    Tensor x = ctx.input(0);
                    int axis = TfArgs.axis(ctx, TfArgs.scalar(ctx, 1, "axis"), x.dim());
                    return TfArgs.out(ctx, scan(x, axis, ctx.attrBool("exclusive", false), ctx.attrBool("reverse", false),
                            product));
                }));
    }

    /**
     * Running sums or products along {@code axis}, accumulated in order like TF's scan (exclusive:
     * each position gets the result before it, starting from 0 or 1; reverse: from the end).
     */
    static Tensor scan(Tensor x, int axis, boolean exclusive, boolean reverse, boolean product) {
        Tensor v = reverse ? x.flip(axis) : x;
        long n = v.size(axis);
        if (n == 0) {
            return x;
        }
        java.util.List<Tensor> parts = new java.util.ArrayList<>();
        Tensor acc = null;
        for (long i = 0; i < n; i++) {
            Tensor xi = v.narrow(axis, i, 1);
            if (exclusive) {
                parts.add(acc != null ? acc : product ? Tensor.onesLike(xi.detach()) : Tensor.zerosLike(xi.detach()));
            }
            acc = acc == null ? xi : product ? acc.mul(xi) : acc.add(xi);
            if (!exclusive) {
                parts.add(acc);
            }
        }
        Tensor r = Tensor.cat(parts, axis);
        return reverse ? r.flip(axis) : r;
    }

    private static int argAxis(Attrs node, long axis, int rank) {
        if (axis < -rank || axis >= rank) {
            throw node.invalid("Expected dimension in the range [" + -rank + ", " + rank + "), but got " + axis);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }
}
