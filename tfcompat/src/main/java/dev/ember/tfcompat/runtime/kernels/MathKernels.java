package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.FLOATS;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;
import static dev.ember.tfcompat.runtime.kernels.TfArgs.SIGNED;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Function;
import dev.ember.engine.autograd.FunctionCtx;
import dev.ember.engine.ops.Broadcasting;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Elementwise binary arithmetic with broadcasting ({@code AddV2}, {@code FloorDiv}, {@code Pow},
 * ...), {@code AddN} and {@code ClipByValue}. Inputs share one type (TF never converts); integer
 * division and remainder follow C++ ({@code Div}, {@code Mod}, {@code TruncateDiv}) or Python
 * ({@code FloorDiv}, {@code FloorMod}) exactly, and refuse a zero divisor as TF does. Gradients
 * (through engine autograd) follow TF's formulas, e.g. {@code Maximum} gives a tie to {@code x}.
 */
public final class MathKernels {
    private MathKernels() {
    }

    public static void register() {
        binary("Add", NUMBERS, Tensor::add, null);
        binary("AddV2", NUMBERS, Tensor::add, null);
        binary("Sub", NUMBERS, Tensor::sub, null);
        binary("Mul", NUMBERS, Tensor::mul, null);
        binary("Div", NUMBERS, Tensor::div, IntMath::truncDiv);
        binary("RealDiv", FLOATS, Tensor::div, null);
        binary("DivNoNan", FLOATS, MathKernels::divNoNan, null);
        binary("FloorDiv", NUMBERS, (a, b) -> a.div(b).floor(), IntMath::floorDiv);
        binary("TruncateDiv", NUMBERS, (a, b) -> trunc(a.div(b)), IntMath::truncDiv);
        binary("FloorMod", SIGNED, (a, b) -> remainder(a, b, true), IntMath::floorMod);
        binary("Mod", SIGNED, (a, b) -> remainder(a, b, false), IntMath::truncMod);
        binary("TruncateMod", SIGNED, (a, b) -> remainder(a, b, false), IntMath::truncMod);
        binary("Pow", SIGNED, (a, b) -> new TfPow().apply(a, b), IntMath::pow);
        binary("Maximum", NUMBERS, (a, b) -> pick(a, b, a.ge(b)), null);
        binary("Minimum", NUMBERS, (a, b) -> pick(a, b, a.le(b)), null);
        binary("SquaredDifference", SIGNED, (a, b) -> a.sub(b).square(), null);
        OpRegistry.register("AddN", Kernels.of(MathKernels::addNOutputs, MathKernels::addN));
        OpRegistry.register("ClipByValue", Kernels.of(MathKernels::clipOutputs, MathKernels::clip));
    }

    /** Registers a broadcasting binary op: {@code floats} for float types, {@code ints} (exact) for integer ones. */
    private static void binary(String type, Set<DataType> types, BinaryOperator<Tensor> floats, LongBinaryOperator ints) {
        OpRegistry.register(type, Kernels.elementwise(
                n -> {
                    DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), types);
                    return TfArgs.one(t, TfArgs.broadcast(n, n.inputShape(0), n.inputShape(1)));
                },
                ctx -> {
                    Tensor a = ctx.input(0);
                    Tensor b = ctx.input(1);
                    long[] shape = TfArgs.broadcast(ctx, a.shape(), b.shape());
                    boolean integral = !a.dtype().isFloatingPoint();
                    Tensor r = integral && ints != null ? IntMath.apply(a, b, shape, ints) : floats.apply(a, b);
                    return TfArgs.out(ctx, r);
                }));
    }

    /** {@code cond ? a : b}, but NaN in {@code a} wins (TF's Maximum/Minimum propagate NaN); ties go to {@code a}. */
    static Tensor pick(Tensor a, Tensor b, Tensor cond) {
        return Tensor.where(a.dtype().isFloatingPoint() ? cond.logicalOr(a.isnan()) : cond, a, b);
    }

    /** Rounds toward zero. */
    static Tensor trunc(Tensor x) {
        return Tensor.where(x.lt(0.0), x.ceil(), x.floor());
    }

    /**
     * {@code a - q * b} with {@code q = floor(a / b)} (Python's remainder) or {@code trunc(a / b)}
     * (C's fmod). float32 runs in float64, so the result is the exactly rounded remainder like
     * {@code std::fmod}; the gradient is TF's: {@code 1} for a, {@code -q} for b.
     */
    static Tensor remainder(Tensor a, Tensor b, boolean floor) {
        DType dtype = a.dtype();
        Tensor a64 = a.to(DType.FLOAT64);
        Tensor b64 = b.to(DType.FLOAT64);
        Tensor ratio = a64.div(b64);
        Tensor q = floor ? ratio.floor() : trunc(ratio);
        return a64.sub(q.mul(b64)).to(dtype);
    }

    /** {@code a / b}, 0 where {@code b == 0} (without a NaN gradient there). */
    private static Tensor divNoNan(Tensor a, Tensor b) {
        Tensor zero = b.eq(0.0);
        Tensor safe = Tensor.where(zero, Tensor.onesLike(b), b);
        return Tensor.where(zero, Tensor.zerosLike(a.div(safe)), a.div(safe));
    }

    private static OutputSpec[] addNOutputs(NodeView n) {
        if (n.numInputs() < 1) {
            throw n.invalid("AddN needs at least one input");
        }
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, n.numInputs()), NUMBERS);
        Shape s = n.inputShape(0);
        for (int i = 1; i < n.numInputs(); i++) {
            Shape o = n.inputShape(i);
            if (!s.isUnknown() && !o.isUnknown() && !s.isCompatibleWith(o)) {
                throw n.invalid("Inputs must have the same shape: input 0 is " + TfArgs.text(s) + ", input " + i + " is "
                        + TfArgs.text(o));
            }
        }
        return TfArgs.one(t, s);
    }

    private static dev.ember.tfcompat.runtime.Value[] addN(KernelContext ctx) {
        Tensor sum = ctx.input(0);
        for (int i = 1; i < ctx.numInputs(); i++) {
            Tensor x = ctx.input(i);
            if (!java.util.Arrays.equals(x.shape(), sum.shape())) {
                throw ctx.invalid("Inputs to operation AddN must have the same size and shape.  Input 0: "
                        + TfArgs.dims(sum.shape()) + " != input " + i + ": " + TfArgs.dims(x.shape()));
            }
            sum = sum.add(x);
        }
        return TfArgs.out(ctx, sum);
    }

    private static OutputSpec[] clipOutputs(NodeView n) {
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 3), NUMBERS);
        return TfArgs.one(t, n.inputShape(0));
    }

    /** TF's ClipByValue: {@code max(min(t, hi), lo)} (NaN stays NaN); the bounds are scalars or of {@code t}'s shape. */
    private static dev.ember.tfcompat.runtime.Value[] clip(KernelContext ctx) {
        Tensor t = ctx.input(0);
        Tensor lo = ctx.input(1);
        Tensor hi = ctx.input(2);
        for (Tensor bound : new Tensor[] {lo, hi}) {
            if (bound.dim() != 0 && !java.util.Arrays.equals(bound.shape(), t.shape())) {
                throw ctx.invalid("clip_value_min and clip_value_max must be either scalars or have the same shape as "
                        + "the input: input " + TfArgs.dims(t.shape()) + ", bound " + TfArgs.dims(bound.shape()));
            }
        }
        Tensor upper = pick(t, hi, t.le(hi));
        return TfArgs.out(ctx, pick(upper, lo, upper.ge(lo)));
    }

    /**
     * TF's Pow gradient: {@code dx = g * y * x^(y-1)}, {@code dy = g * x^y * log(x)} where {@code x > 0}
     * and 0 elsewhere (PyTorch's dy is NaN for a negative base).
     */
    static final class TfPow extends Function {
        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            Tensor z = in[0].pow(in[1]);
            ctx.saveForBackward(in[0], in[1], z);
            return outputs(z);
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor[] s = ctx.savedTensors();
            Tensor x = s[0];
            Tensor y = s[1];
            Tensor dx = ctx.needsInputGrad(0)
                    ? Broadcasting.sumTo(g[0].mul(y).mul(x.pow(y.sub(1.0))), x.shape()) : null;
            Tensor dy = null;
            if (ctx.needsInputGrad(1)) {
                Tensor positive = x.gt(0.0);
                Tensor logX = Tensor.where(positive, Tensor.where(positive, x, Tensor.onesLike(x)).log(), Tensor.zerosLike(x));
                dy = Broadcasting.sumTo(g[0].mul(s[2]).mul(logX), y.shape());
            }
            return outputs(dx, dy);
        }
    }
}
