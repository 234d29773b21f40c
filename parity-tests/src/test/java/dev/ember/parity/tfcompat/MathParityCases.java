package dev.ember.parity.tfcompat;

import static dev.ember.parity.tfcompat.RawOps.outs;
import static dev.ember.parity.tfcompat.RawOps.raw;
import static dev.ember.parity.tfcompat.TfOpParity.input;

import dev.ember.parity.tfcompat.TfOpParity.In;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Parity cases for elementwise math: binary arithmetic (float with broadcasting and gradients,
 * int32/int64 with negative operands for TF's C/Python division and remainder rules), unary math
 * and activations, casts (bool and uint8 semantics), AddN and ClipByValue.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class MathParityCases {
    private MathParityCases() {
    }

    /** A binary op applied to two operands. */
    private interface Bin extends BiFunction<Ops, Operand[], Operand<?>> {
    }

    static List<TfOpParity> cases() {
        List<TfOpParity> all = new ArrayList<>();
        binary(all, "add", (tf, x) -> tf.math.add(x[0], x[1]), false);
        binary(all, "addV2", (tf, x) -> raw(tf, "AddV2", x[0], x[1]), false);
        binary(all, "sub", (tf, x) -> tf.math.sub(x[0], x[1]), false);
        binary(all, "mul", (tf, x) -> tf.math.mul(x[0], x[1]), false);
        binary(all, "div", (tf, x) -> tf.math.div(x[0], x[1]), true);
        binary(all, "realDiv", (tf, x) -> tf.math.realDiv(x[0], x[1]), true);
        binary(all, "divNoNan", (tf, x) -> tf.math.divNoNan(x[0], x[1]), true);
        binary(all, "squaredDifference", (tf, x) -> tf.math.squaredDifference(x[0], x[1]), false);
        binary(all, "maximum", (tf, x) -> tf.math.maximum(x[0], x[1]), false);
        binary(all, "minimum", (tf, x) -> tf.math.minimum(x[0], x[1]), false);
        binary(all, "floorMod", (tf, x) -> tf.math.floorMod(x[0], x[1]), true);
        binary(all, "floorDiv", (tf, x) -> tf.math.floorDiv(x[0], x[1]), true);
        binary(all, "truncateDiv", (tf, x) -> tf.math.truncateDiv(x[0], x[1]), true);
        binary(all, "mod", (tf, x) -> tf.math.mod(x[0], x[1]), true);
        binary(all, "truncateMod", (tf, x) -> tf.math.truncateMod(x[0], x[1]), true);
        integers(all, "add", (tf, x) -> tf.math.add(x[0], x[1]));
        integers(all, "mul", (tf, x) -> tf.math.mul(x[0], x[1]));
        integers(all, "div", (tf, x) -> tf.math.div(x[0], x[1]));
        integers(all, "floorDiv", (tf, x) -> tf.math.floorDiv(x[0], x[1]));
        integers(all, "truncateDiv", (tf, x) -> tf.math.truncateDiv(x[0], x[1]));
        integers(all, "floorMod", (tf, x) -> tf.math.floorMod(x[0], x[1]));
        integers(all, "mod", (tf, x) -> tf.math.mod(x[0], x[1]));
        integers(all, "truncateMod", (tf, x) -> tf.math.truncateMod(x[0], x[1]));
        integers(all, "maximum", (tf, x) -> tf.math.maximum(x[0], x[1]));
        integers(all, "squaredDifference", (tf, x) -> tf.math.squaredDifference(x[0], x[1]));
        all.add(TfOpParity.of("pow f32 positive base").in(In.f32("a", 2, 3).range(0.2, 2)).in(In.f32("b", 3))
                .build(tf -> outs("y", tf.math.pow(input("a"), input("b")))));
        all.add(TfOpParity.of("pow f64 negative base, integral exponent").in(In.f64("a", 2, 3))
                .build(tf -> outs("y", tf.math.pow(input("a"), tf.constant(new double[] {2, 3, -1})))));
        // A negative base with an integral exponent: the exponent is b + stopGradient(round(b) - b), so its
        // value is integral while d/db flows (TF's dy is 0 where the base is not positive, PyTorch's NaN).
        all.add(TfOpParity.of("pow f32 exponent gradient at a negative base").in(In.f32("a", 4)).in(In.f32("b", 4))
                .build(tf -> {
                    Operand<TFloat32> b = input("b");
                    Operand<TFloat32> y = tf.math.add(b, tf.stopGradient(tf.math.sub(tf.math.round(b), b)));
                    return outs("y", tf.math.pow(tf.math.neg(tf.math.abs(input("a"))), y));
                }));
        all.add(TfOpParity.of("pow int32").in(In.i32("a", -4, 4, 2, 3)).in(In.i32("b", 0, 5, 3)).noGradients()
                .build(tf -> outs("y", tf.math.pow(input("a"), input("b")))));
        unary(all);
        all.addAll(misc());
        return all;
    }

    /**
     * Float cases of a broadcasting binary op; {@code divisor}: y kept away from 0 and given both
     * signs. Ops without a TF C++ gradient (FloorDiv, FloorMod, Mod, TruncateDiv, TruncateMod:
     * {@code addGradients} refuses them) compare values only.
     */
    private static void binary(List<TfOpParity> all, String name, Bin f, boolean divisor) {
        double lo = divisor ? 0.5 : -2;
        boolean grads = !NO_CC_GRADIENT.contains(name);
        all.add(grads(TfOpParity.of(name + " f32 [2,3] x [3]").in(In.f32("a", 2, 3)).in(In.f32("b", 3).range(lo, 2))
                .build(tf -> outs("y", f.apply(tf, new Operand[] {input("a"), signs(tf, input("b"), divisor, false)}))), grads));
        all.add(grads(TfOpParity.of(name + " f64 [2,1] x [1,3]").in(In.f64("a", 2, 1).range(-3, 3))
                .in(In.f64("b", 1, 3).range(lo, 2))
                .build(tf -> outs("y", f.apply(tf, new Operand[] {input("a"), signs(tf, input("b"), divisor, true)}))), grads));
        all.add(grads(TfOpParity.of(name + " f32 scalar x [2,2]").in(In.f32("a")).in(In.f32("b", 2, 2).range(lo, 2))
                .build(tf -> outs("y", f.apply(tf, new Operand[] {input("a"), input("b")}))), grads));
    }

    /** TF op types (by case name) whose C++ gradient TF does not define. */
    private static final java.util.Set<String> NO_CC_GRADIENT = java.util.Set.of("floorMod", "floorDiv", "truncateDiv",
            "mod", "truncateMod", "floor", "ceil", "rint");

    private static TfOpParity grads(TfOpParity c, boolean gradients) {
        return gradients ? c : c.noGradients();
    }

    /** {@code b * [1, -1, 1]} (both signs for divisors). */
    private static Operand signs(Ops tf, Operand b, boolean divisor, boolean f64) {
        if (!divisor) {
            return b;
        }
        Operand signs = f64 ? tf.constant(new double[] {1, -1, 1}) : tf.constant(new float[] {1, -1, 1});
        return tf.math.mul(b, signs);
    }

    /** int32 and int64 cases with negative operands; the divisor is never 0. */
    private static void integers(List<TfOpParity> all, String name, Bin f) {
        all.add(TfOpParity.of(name + " int32").in(In.i32("a", -9, 9, 2, 3)).in(In.i32("b", 1, 4, 3)).noGradients()
                .build(tf -> outs("y", f.apply(tf, new Operand[] {input("a"),
                        tf.math.mul(input("b"), tf.constant(new int[] {1, -1, 1}))}))));
        all.add(TfOpParity.of(name + " int64").in(In.i64("a", -20, 20, 4, 3)).in(In.i64("b", 1, 6, 4, 3)).noGradients()
                .build(tf -> outs("y", f.apply(tf, new Operand[] {input("a"),
                        tf.math.mul(input("b"), tf.constant(new long[] {-1, 1, 1}))}))));
    }

    private static void unary(List<TfOpParity> all) {
        un(all, "neg", -2, 2, (tf, x) -> tf.math.neg(x));
        un(all, "abs", -2, 2, (tf, x) -> tf.math.abs(x));
        un(all, "sign", -2, 2, (tf, x) -> tf.math.sign(x));
        un(all, "square", -2, 2, (tf, x) -> tf.math.square(x));
        un(all, "sqrt", 0.1, 3, (tf, x) -> tf.math.sqrt(x));
        un(all, "rsqrt", 0.2, 3, (tf, x) -> tf.math.rsqrt(x));
        un(all, "exp", -2, 2, (tf, x) -> tf.math.exp(x));
        un(all, "expm1", -2, 2, (tf, x) -> tf.math.expm1(x));
        un(all, "log", 0.1, 3, (tf, x) -> tf.math.log(x));
        un(all, "log1p", -0.9, 3, (tf, x) -> tf.math.log1p(x));
        un(all, "sigmoid", -4, 4, (tf, x) -> tf.math.sigmoid(x));
        un(all, "tanh", -3, 3, (tf, x) -> tf.math.tanh(x));
        un(all, "softplus", -4, 4, (tf, x) -> tf.math.softplus(x));
        un(all, "erf", -2, 2, (tf, x) -> tf.math.erf(x));
        un(all, "sin", -4, 4, (tf, x) -> tf.math.sin(x));
        un(all, "cos", -4, 4, (tf, x) -> tf.math.cos(x));
        un(all, "reciprocal", 0.3, 3, (tf, x) -> tf.math.reciprocal(x));
        un(all, "floor", -3, 3, (tf, x) -> tf.math.floor(x));
        un(all, "ceil", -3, 3, (tf, x) -> tf.math.ceil(x));
        un(all, "rint", -3, 3, (tf, x) -> tf.math.rint(x));
        all.add(TfOpParity.of("round halves to even").in(In.f32("a", 8)).noGradients()
                .build(tf -> outs("y", tf.math.add(tf.math.round(tf.constant(new float[] {0.5f, 1.5f, 2.5f, -0.5f,
                        -1.5f, -2.5f, 1.2f, -0.7f})), tf.math.round(input("a"))))));
        for (String t : new String[] {"int32", "int64"}) {
            boolean i32 = t.equals("int32");
            In in = i32 ? In.i32("a", -5, 5, 2, 3) : In.i64("a", -5, 5, 2, 3);
            // Round of integers is left out: TF 2.18's CPU kernel returns 0 for every integer input,
            // tfcompat returns the integers unchanged (TF's documented semantics).
            all.add(TfOpParity.of("neg abs sign square " + t).in(in).noGradients()
                    .build(tf -> outs("neg", tf.math.neg(input("a")), "abs", tf.math.abs(input("a")),
                            "sign", tf.math.sign(input("a")), "square", tf.math.square(input("a")))));
        }
        all.add(TfOpParity.of("Inv (old Reciprocal) and InvGrad").in(In.f32("a", 2, 3).range(0.5, 2))
                .build(tf -> outs("y", raw(tf, "Inv", input("a")),
                        "grad", raw(tf, "InvGrad", input("a"), tf.constant(new float[][] {{1, -2, 3}, {0.5f, 2, -1}})))));
        all.add(TfOpParity.of("toBool").in(In.f32("a", 3)).in(In.f32("s")).noGradients()
                .build(tf -> outs("vector", tf.dtypes.toBool(input("a")),
                        "zero", tf.dtypes.toBool(tf.math.mul(input("s"), tf.constant(0f))),
                        "scalar", tf.dtypes.toBool(input("s")))));
        all.add(TfOpParity.of("NaN and infinities").in(In.f32("a", 5)).noGradients()
                .build(tf -> {
                    Operand<TFloat32> x = tf.math.add(tf.math.mul(input("a"), tf.constant(0f)),
                            tf.constant(new float[] {1f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0f}));
                    Operand<TFloat32> zero = tf.constant(0f);
                    return outs("max", tf.math.maximum(x, zero), "min", tf.math.minimum(zero, x), "sign", tf.math.sign(x),
                            "abs", tf.math.abs(x), "sigmoid", tf.math.sigmoid(x), "tanh", tf.math.tanh(x),
                            "exp", tf.math.exp(x), "softplus", tf.math.softplus(x), "eq", tf.math.equal(x, x),
                            "clip", tf.clipByValue(x, tf.constant(-1f), tf.constant(1f)));
                }));
        all.add(TfOpParity.of("softplus sigmoid far from 0").in(In.f32("a", 3, 4).range(-40, 40))
                .build(tf -> outs("y", tf.math.add(tf.math.softplus(input("a")), tf.math.sigmoid(input("a"))))));
        all.add(TfOpParity.of("isNan isInf isFinite").in(In.f32("a", 4)).noGradients()
                .build(tf -> {
                    Operand<TFloat32> x = tf.math.add(tf.math.mul(input("a"), tf.constant(0f)),
                            tf.constant(new float[] {1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}));
                    return outs("nan", tf.math.isNan(x), "inf", tf.math.isInf(x), "finite", tf.math.isFinite(x));
                }));
    }

    private static void un(List<TfOpParity> all, String name, double lo, double hi,
            BiFunction<Ops, Operand, Operand<?>> f) {
        boolean g = !NO_CC_GRADIENT.contains(name);
        all.add(grads(TfOpParity.of(name + " f32").in(In.f32("a", 2, 3).range(lo, hi))
                .build(tf -> outs("y", f.apply(tf, input("a")))), g));
        all.add(grads(TfOpParity.of(name + " f64").in(In.f64("a", 5).range(lo, hi))
                .build(tf -> outs("y", f.apply(tf, input("a")))), g));
    }

    private static List<TfOpParity> misc() {
        return List.of(
            TfOpParity.of("addN three inputs").in(In.f32("a", 2, 3)).in(In.f32("b", 2, 3)).in(In.f32("c", 2, 3))
                .build(tf -> outs("y", tf.math.addN(List.of(input("a"), input("b"), input("c"), input("a"))))),
            TfOpParity.of("addN int32").in(In.i32("a", -5, 5, 4)).in(In.i32("b", -5, 5, 4)).noGradients()
                .build(tf -> outs("y", tf.math.addN(List.of(input("a"), input("b"))))),
            TfOpParity.of("clipByValue scalar bounds").in(In.f32("a", 3, 4))
                .build(tf -> outs("y", tf.clipByValue(input("a"), tf.constant(-0.5f), tf.constant(0.7f)))),
            TfOpParity.of("clipByValue tensor bounds").in(In.f64("a", 2, 3)).in(In.f64("lo", 2, 3).range(-1, 0))
                .in(In.f64("hi", 2, 3).range(0, 1))
                .build(tf -> outs("y", tf.clipByValue(input("a"), input("lo"), input("hi")))),
            TfOpParity.of("cast f32 to f64 and back").in(In.f32("a", 2, 3))
                .build(tf -> outs("y", tf.dtypes.cast(tf.math.square(tf.dtypes.cast(input("a"), TFloat64.class)),
                        TFloat32.class))),
            TfOpParity.of("cast int32 to float, int64 to int32").in(In.i32("a", -50, 50, 5)).in(In.i64("b", -50, 50, 5))
                .noGradients()
                .build(tf -> outs("f", tf.dtypes.cast(input("a"), TFloat32.class),
                        "i", tf.dtypes.cast(input("b"), TInt32.class))),
            TfOpParity.of("cast to and from bool").in(In.f32("a", 6).range(-1.5, 1.5)).noGradients()
                .build(tf -> {
                    Operand<TFloat32> x = tf.math.round(input("a"));
                    Operand<org.tensorflow.types.TBool> b = tf.dtypes.cast(x, org.tensorflow.types.TBool.class);
                    return outs("bool", b, "back", tf.dtypes.cast(b, TFloat32.class),
                            "asInt", tf.dtypes.cast(b, TInt64.class));
                }),
            TfOpParity.of("cast to uint8 wraps").in(In.f32("a", 8).range(-300, 300)).in(In.i32("b", -400, 400, 8))
                .noGradients()
                .build(tf -> outs("fromFloat", tf.dtypes.cast(tf.dtypes.cast(input("a"), org.tensorflow.types.TUint8.class),
                        TInt32.class),
                        "fromInt", tf.dtypes.cast(tf.dtypes.cast(input("b"), org.tensorflow.types.TUint8.class),
                        TInt32.class))),
            TfOpParity.of("uint8 arithmetic wraps").in(In.i32("a", 0, 256, 6)).in(In.i32("b", 0, 256, 6)).noGradients()
                .build(tf -> {
                    Operand<org.tensorflow.types.TUint8> a = tf.dtypes.cast(input("a"), org.tensorflow.types.TUint8.class);
                    Operand<org.tensorflow.types.TUint8> b = tf.dtypes.cast(input("b"), org.tensorflow.types.TUint8.class);
                    return outs("sum", tf.dtypes.cast(tf.math.add(a, b), TInt32.class),
                            "product", tf.dtypes.cast(tf.math.mul(a, b), TInt32.class));
                }));
    }
}
