package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BinaryOperator;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Comparisons (bool results, broadcasting), logical ops and {@code Select}/{@code SelectV2}. */
public final class CompareKernels {
    private static final Set<DataType> BOOL = EnumSet.of(DataType.DT_BOOL);

    private CompareKernels() {
    }

    public static void register() {
        compare("Equal", ANY, Tensor::eq, true);
        compare("NotEqual", ANY, Tensor::ne, true);
        compare("Less", NUMBERS, Tensor::lt, false);
        compare("LessEqual", NUMBERS, Tensor::le, false);
        compare("Greater", NUMBERS, Tensor::gt, false);
        compare("GreaterEqual", NUMBERS, Tensor::ge, false);
        compare("LogicalAnd", BOOL, Tensor::logicalAnd, false);
        compare("LogicalOr", BOOL, Tensor::logicalOr, false);
        OpRegistry.register("LogicalNot", Kernels.of(
                n -> TfArgs.one(TfArgs.input(n, 0, "T", BOOL), n.inputShape(0)),
                ctx -> TfArgs.out(ctx, ctx.input(0).logicalNot())));
        OpRegistry.register("SelectV2", Kernels.of(CompareKernels::selectV2Outputs, CompareKernels::selectV2));
        OpRegistry.register("Select", Kernels.of(CompareKernels::selectOutputs, CompareKernels::select));
    }

    /**
     * A comparison with broadcasting. {@code Equal}/{@code NotEqual} have TF's
     * {@code incompatible_shape_error}: when false, shapes that do not broadcast give a scalar
     * ({@code false} for Equal, {@code true} for NotEqual) instead of an error.
     */
    private static void compare(String type, Set<DataType> types, BinaryOperator<Tensor> f, boolean lenient) {
        OpRegistry.register(type, Kernels.elementwise(
                n -> {
                    TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), types);
                    if (lenient && !n.attrBool("incompatible_shape_error", true)) {
                        Shape s;
                        try {
                            s = TfArgs.broadcast(n, n.inputShape(0), n.inputShape(1));
                        } catch (RuntimeException e) {
                            s = Shape.scalar();
                        }
                        return TfArgs.one(DataType.DT_BOOL, s);
                    }
                    return TfArgs.one(DataType.DT_BOOL, TfArgs.broadcast(n, n.inputShape(0), n.inputShape(1)));
                },
                ctx -> {
                    Tensor a = ctx.input(0);
                    Tensor b = ctx.input(1);
                    if (lenient && !ctx.attrBool("incompatible_shape_error", true) && !broadcastable(a.shape(), b.shape())) {
                        return TfArgs.out(ctx, Tensor.scalar(type.equals("NotEqual")));
                    }
                    TfArgs.broadcast(ctx, a.shape(), b.shape());
                    return TfArgs.out(ctx, f.apply(a, b));
                }));
    }

    private static boolean broadcastable(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return false;
            }
        }
        return true;
    }

    private static OutputSpec[] selectV2Outputs(NodeView n) {
        TfArgs.input(n, 0, "condition", BOOL);
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 1, 3), ANY);
        Shape s = TfArgs.broadcast(n, n.inputShape(0), TfArgs.broadcast(n, n.inputShape(1), n.inputShape(2)));
        return TfArgs.one(t, s);
    }

    /** SelectV2: {@code condition ? t : e} with all three broadcast. */
    private static Value[] selectV2(KernelContext ctx) {
        Tensor c = ctx.input(0);
        Tensor t = ctx.input(1);
        Tensor e = ctx.input(2);
        TfArgs.broadcast(ctx, c.shape(), TfArgs.broadcast(ctx, t.shape(), e.shape()));
        return TfArgs.out(ctx, Tensor.where(c, t, e));
    }

    private static OutputSpec[] selectOutputs(NodeView n) {
        TfArgs.input(n, 0, "condition", BOOL);
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 1, 3), ANY);
        Shape a = n.inputShape(1);
        Shape b = n.inputShape(2);
        if (!a.isUnknown() && !b.isUnknown() && !a.isCompatibleWith(b)) {
            throw n.invalid("'then' and 'else' must have the same size.  but received: " + TfArgs.text(a) + " vs. "
                    + TfArgs.text(b));
        }
        return TfArgs.one(t, a.isUnknown() ? b : a);
    }

    /**
     * Select (v1): {@code t} and {@code e} of one shape; the condition is a scalar, of that shape, or
     * a vector choosing whole rows (along the first dimension).
     */
    private static Value[] select(KernelContext ctx) {
        Tensor c = ctx.input(0);
        Tensor t = ctx.input(1);
        Tensor e = ctx.input(2);
        if (!Arrays.equals(t.shape(), e.shape())) {
            throw ctx.invalid("'then' and 'else' must have the same size.  but received: " + TfArgs.dims(t.shape())
                    + " vs. " + TfArgs.dims(e.shape()));
        }
        if (c.dim() == 1 && t.dim() > 1) {
            if (c.size(0) != t.size(0)) {
                throw ctx.invalid("Number of batches of 'then' must match size of 'cond', but saw: " + t.size(0)
                        + " vs. " + c.size(0));
            }
            long[] rows = new long[t.dim()];
            Arrays.fill(rows, 1);
            rows[0] = c.size(0);
            c = c.reshape(rows);
        } else if (c.dim() != 0 && !Arrays.equals(c.shape(), t.shape())) {
            throw ctx.invalid("'cond' and 'then' must have the same size or 'cond' must be a vector or scalar: "
                    + TfArgs.dims(c.shape()) + " vs. " + TfArgs.dims(t.shape()));
        }
        return TfArgs.out(ctx, Tensor.where(c, t, e));
    }
}
