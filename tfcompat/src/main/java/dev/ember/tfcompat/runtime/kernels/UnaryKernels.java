package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.ANY;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.FLOATS;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.SIGNED;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.OpRegistry;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.tensorflow.proto.DataType;

/**
 * One-input elementwise math ({@code Sqrt}, {@code Sigmoid}, {@code Round}, ...), the gradient
 * helpers TF's gradient graphs use ({@code SqrtGrad}, {@code RsqrtGrad}, ...; {@code TanhGrad} and
 * {@code SigmoidGrad} live with the activations in {@link NnKernels}), NaN/Inf tests and
 * {@code Cast}. Float-only ops refuse integer inputs as TF does instead of computing in float.
 */
public final class UnaryKernels {
    private UnaryKernels() {
    }

    public static void register() {
        unary("Neg", SIGNED, Tensor::neg);
        unary("Abs", SIGNED, Tensor::abs);
        unary("Sign", SIGNED, x -> x.dtype().isFloatingPoint() ? Tensor.where(x.isnan(), x, x.sign()) : x.sign());
        unary("Square", NUMBERS, Tensor::square);
        unary("Sqrt", FLOATS, Tensor::sqrt);
        unary("Rsqrt", FLOATS, Tensor::rsqrt);
        unary("Exp", FLOATS, Tensor::exp);
        unary("Expm1", FLOATS, Tensor::expm1);
        unary("Log", FLOATS, Tensor::log);
        unary("Log1p", FLOATS, Tensor::log1p);
        unary("Sigmoid", FLOATS, Tensor::sigmoid);
        unary("Tanh", FLOATS, Tensor::tanh);
        unary("Softplus", FLOATS, Tensor::softplus);
        unary("Erf", FLOATS, Tensor::erf);
        unary("Sin", FLOATS, Tensor::sin);
        unary("Cos", FLOATS, Tensor::cos);
        unary("Floor", FLOATS, Tensor::floor);
        unary("Ceil", FLOATS, Tensor::ceil);
        unary("Rint", FLOATS, Tensor::round);
        // Round halves to even, like the engine's round; integers come back unchanged.
        unary("Round", SIGNED, Tensor::round);
        // TF registers integer Reciprocal in the op but has no CPU kernel for it: floats only.
        unary("Reciprocal", FLOATS, Tensor::reciprocal);
        unary("Inv", FLOATS, Tensor::reciprocal);
        predicate("IsNan", Tensor::isnan);
        predicate("IsInf", Tensor::isinf);
        predicate("IsFinite", x -> x.isnan().logicalOr(x.isinf()).logicalNot());
        // Gradient helpers: (y, dy) -> dx from the forward output y.
        gradient("SqrtGrad", (y, dy) -> dy.mul(0.5).div(y));
        gradient("RsqrtGrad", (y, dy) -> dy.mul(y.mul(y).mul(y)).mul(-0.5));
        gradient("ReciprocalGrad", (y, dy) -> dy.mul(y.mul(y)).neg());
        gradient("InvGrad", (y, dy) -> dy.mul(y.mul(y)).neg());
        // SoftplusGrad(gradients, features): gradients * sigmoid(features).
        gradient("SoftplusGrad", (g, x) -> g.mul(x.sigmoid()));
        OpRegistry.register("Cast", Kernels.of(
                n -> {
                    TfArgs.input(n, 0, "SrcT", ANY);
                    return TfArgs.one(TfArgs.allowed(n, "DstT", n.attrType("DstT"), ANY), n.inputShape(0));
                },
                ctx -> TfArgs.out(ctx, cast(ctx.input(0), ctx.attrType("DstT"), ctx.attrBool("Truncate", false)))));
        OpRegistry.register("ToBool", Kernels.of(
                n -> TfArgs.one(DataType.DT_BOOL, org.tensorflow.ndarray.Shape.scalar()),
                ctx -> {
                    Tensor x = ctx.input(0);
                    if (x.dim() != 0) {
                        // TF's ToBool: a non-scalar is true when it has any elements.
                        return TfArgs.out(ctx, Tensor.scalar(x.numel() > 0));
                    }
                    return TfArgs.out(ctx, x.ne(0.0).reshape());
                }));
    }

    private static void unary(String type, Set<DataType> types, UnaryOperator<Tensor> f) {
        OpRegistry.register(type, Kernels.elementwise(
                n -> TfArgs.one(TfArgs.input(n, 0, "T", types), n.inputShape(0)),
                ctx -> TfArgs.out(ctx, f.apply(ctx.input(0)))));
    }

    private static void predicate(String type, UnaryOperator<Tensor> f) {
        OpRegistry.register(type, Kernels.elementwise(
                n -> {
                    TfArgs.input(n, 0, "T", FLOATS);
                    return TfArgs.one(DataType.DT_BOOL, n.inputShape(0));
                },
                ctx -> TfArgs.out(ctx, f.apply(ctx.input(0)))));
    }

    private static void gradient(String type, BinaryOperator<Tensor> f) {
        OpRegistry.register(type, Kernels.elementwise(
                n -> TfArgs.one(TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), FLOATS),
                        TfArgs.broadcast(n, n.inputShape(0), n.inputShape(1))),
                ctx -> TfArgs.out(ctx, f.apply(ctx.input(0), ctx.input(1)))));
    }

    /**
     * TF's Cast: to bool is {@code x != 0} (NaN is true), float to integer truncates toward zero,
     * to uint8 keeps the low 8 bits as a C++ conversion does, and double to float rounds to
     * nearest, or toward zero with {@code Truncate}.
     */
    static Tensor cast(Tensor x, DataType dst, boolean truncate) {
        DType want = TypeInfo.of(dst).engine();
        if (truncate && want == DType.FLOAT32 && x.dtype() == DType.FLOAT64) {
            return truncateToFloat(x);
        }
        if (want == DType.BOOL) {
            return x.dtype() == DType.BOOL ? x : x.ne(0.0);
        }
        if (dst == DataType.DT_UINT8 && x.dtype().isFloatingPoint()) {
            return TfArgs.as(x.to(DType.INT64), dst);
        }
        return TfArgs.as(x, dst);
    }

    /** float64 to float32 rounding toward zero; the gradient passes through as for a plain cast. */
    private static Tensor truncateToFloat(Tensor x) {
        Tensor nearest = x.to(DType.FLOAT32);
        double[] v = x.detach().toDoubleArray();
        float[] n = nearest.detach().toFloatArray();
        float[] fix = new float[n.length];
        for (int i = 0; i < n.length; i++) {
            if (!Float.isInfinite(n[i]) && Math.abs((double) n[i]) > Math.abs(v[i])) {
                fix[i] = Math.nextAfter(n[i], 0.0) - n[i];
            }
        }
        return nearest.add(Tensor.fromArray(fix, x.shape()));
    }
}
