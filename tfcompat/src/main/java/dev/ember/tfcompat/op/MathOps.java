package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.math.Abs;
import dev.ember.tfcompat.op.math.Add;
import dev.ember.tfcompat.op.math.AddN;
import dev.ember.tfcompat.op.math.ArgMax;
import dev.ember.tfcompat.op.math.ArgMin;
import dev.ember.tfcompat.op.math.Ceil;
import dev.ember.tfcompat.op.math.Cos;
import dev.ember.tfcompat.op.math.Cumprod;
import dev.ember.tfcompat.op.math.Cumsum;
import dev.ember.tfcompat.op.math.Div;
import dev.ember.tfcompat.op.math.DivNoNan;
import dev.ember.tfcompat.op.math.Equal;
import dev.ember.tfcompat.op.math.Erf;
import dev.ember.tfcompat.op.math.Exp;
import dev.ember.tfcompat.op.math.Expm1;
import dev.ember.tfcompat.op.math.Floor;
import dev.ember.tfcompat.op.math.FloorDiv;
import dev.ember.tfcompat.op.math.FloorMod;
import dev.ember.tfcompat.op.math.Greater;
import dev.ember.tfcompat.op.math.GreaterEqual;
import dev.ember.tfcompat.op.math.InvertPermutation;
import dev.ember.tfcompat.op.math.IsFinite;
import dev.ember.tfcompat.op.math.IsInf;
import dev.ember.tfcompat.op.math.IsNan;
import dev.ember.tfcompat.op.math.Less;
import dev.ember.tfcompat.op.math.LessEqual;
import dev.ember.tfcompat.op.math.Log;
import dev.ember.tfcompat.op.math.Log1p;
import dev.ember.tfcompat.op.math.LogicalAnd;
import dev.ember.tfcompat.op.math.LogicalNot;
import dev.ember.tfcompat.op.math.LogicalOr;
import dev.ember.tfcompat.op.math.Maximum;
import dev.ember.tfcompat.op.math.Mean;
import dev.ember.tfcompat.op.math.Minimum;
import dev.ember.tfcompat.op.math.Mod;
import dev.ember.tfcompat.op.math.Mul;
import dev.ember.tfcompat.op.math.Neg;
import dev.ember.tfcompat.op.math.NotEqual;
import dev.ember.tfcompat.op.math.Pow;
import dev.ember.tfcompat.op.math.RealDiv;
import dev.ember.tfcompat.op.math.Reciprocal;
import dev.ember.tfcompat.op.math.ReciprocalGrad;
import dev.ember.tfcompat.op.math.Rint;
import dev.ember.tfcompat.op.math.Round;
import dev.ember.tfcompat.op.math.Rsqrt;
import dev.ember.tfcompat.op.math.RsqrtGrad;
import dev.ember.tfcompat.op.math.Sigmoid;
import dev.ember.tfcompat.op.math.SigmoidGrad;
import dev.ember.tfcompat.op.math.Sign;
import dev.ember.tfcompat.op.math.Sin;
import dev.ember.tfcompat.op.math.Softplus;
import dev.ember.tfcompat.op.math.SoftplusGrad;
import dev.ember.tfcompat.op.math.Sqrt;
import dev.ember.tfcompat.op.math.SqrtGrad;
import dev.ember.tfcompat.op.math.Square;
import dev.ember.tfcompat.op.math.SquaredDifference;
import dev.ember.tfcompat.op.math.Sub;
import dev.ember.tfcompat.op.math.Tanh;
import dev.ember.tfcompat.op.math.TanhGrad;
import dev.ember.tfcompat.op.math.TruncateDiv;
import dev.ember.tfcompat.op.math.TruncateMod;
import dev.ember.tfcompat.op.math.UnsortedSegmentSum;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/** The {@code tf.math} group; mirrors {@code org.tensorflow.op.MathOps}. */
public final class MathOps {
    private final Scope scope;

    MathOps(Scope scope) {
        this.scope = scope;
    }

    /** {@code x + y} with broadcasting; mirrors {@code tf.math.add}. */
    public <T extends TType> Add<T> add(Operand<T> x, Operand<T> y) {
        return Add.create(scope, x, y);
    }

    /** Absolute value; mirrors {@code tf.math.abs}. */
    public <T extends TNumber> Abs<T> abs(Operand<T> x) {
        return Abs.create(scope, x);
    }

    /** The sum of equal-shaped tensors; mirrors {@code tf.math.addN}. */
    public <T extends TType> AddN<T> addN(Iterable<Operand<T>> inputs) {
        return AddN.create(scope, inputs);
    }

    /** The index of the largest value along {@code dimension}; mirrors {@code tf.math.argMax}. */
    public ArgMax<TInt64> argMax(Operand<? extends TType> input, Operand<? extends TNumber> dimension) {
        return ArgMax.create(scope, input, dimension);
    }

    /** The index of the largest value along {@code dimension}; mirrors {@code tf.math.argMax}. */
    public <V extends TNumber> ArgMax<V> argMax(Operand<? extends TType> input, Operand<? extends TNumber> dimension,
            Class<V> outputType) {
        return ArgMax.create(scope, input, dimension, outputType);
    }

    /** The index of the smallest value along {@code dimension}; mirrors {@code tf.math.argMin}. */
    public ArgMin<TInt64> argMin(Operand<? extends TType> input, Operand<? extends TNumber> dimension) {
        return ArgMin.create(scope, input, dimension);
    }

    /** The index of the smallest value along {@code dimension}; mirrors {@code tf.math.argMin}. */
    public <V extends TNumber> ArgMin<V> argMin(Operand<? extends TType> input, Operand<? extends TNumber> dimension,
            Class<V> outputType) {
        return ArgMin.create(scope, input, dimension, outputType);
    }

    /** Smallest integer not less than x; mirrors {@code tf.math.ceil}. */
    public <T extends TNumber> Ceil<T> ceil(Operand<T> x) {
        return Ceil.create(scope, x);
    }

    /** {@code x / y} (integers: truncated toward zero); mirrors {@code tf.math.div}. */
    public <T extends TType> Div<T> div(Operand<T> x, Operand<T> y) {
        return Div.create(scope, x, y);
    }

    /** {@code x / y}, 0 where {@code y} is 0; mirrors {@code tf.math.divNoNan}. */
    public <T extends TType> DivNoNan<T> divNoNan(Operand<T> x, Operand<T> y) {
        return DivNoNan.create(scope, x, y);
    }

    /** {@code x == y} elementwise, broadcast; mirrors {@code tf.math.equal}. */
    public <T extends TType> Equal equal(Operand<T> x, Operand<T> y, Equal.Options... options) {
        return Equal.create(scope, x, y, options);
    }

    /** Gauss error function; mirrors {@code tf.math.erf}. */
    public <T extends TNumber> Erf<T> erf(Operand<T> x) {
        return Erf.create(scope, x);
    }

    /** e to the power x; mirrors {@code tf.math.exp}. */
    public <T extends TType> Exp<T> exp(Operand<T> x) {
        return Exp.create(scope, x);
    }

    /** {@code exp(x) - 1}; mirrors {@code tf.math.expm1}. */
    public <T extends TType> Expm1<T> expm1(Operand<T> x) {
        return Expm1.create(scope, x);
    }

    /** Largest integer not greater than x; mirrors {@code tf.math.floor}. */
    public <T extends TNumber> Floor<T> floor(Operand<T> x) {
        return Floor.create(scope, x);
    }

    /** {@code floor(x / y)}; mirrors {@code tf.math.floorDiv}. */
    public <T extends TType> FloorDiv<T> floorDiv(Operand<T> x, Operand<T> y) {
        return FloorDiv.create(scope, x, y);
    }

    /** Remainder with the sign of the divisor (Python {@code %}); mirrors {@code tf.math.floorMod}. */
    public <T extends TNumber> FloorMod<T> floorMod(Operand<T> x, Operand<T> y) {
        return FloorMod.create(scope, x, y);
    }

    /** {@code x > y} elementwise, broadcast; mirrors {@code tf.math.greater}. */
    public <T extends TNumber> Greater greater(Operand<T> x, Operand<T> y) {
        return Greater.create(scope, x, y);
    }

    /** {@code x >= y} elementwise, broadcast; mirrors {@code tf.math.greaterEqual}. */
    public <T extends TNumber> GreaterEqual greaterEqual(Operand<T> x, Operand<T> y) {
        return GreaterEqual.create(scope, x, y);
    }

    /** The inverse of a permutation vector; mirrors {@code tf.math.invertPermutation}. */
    public <T extends TNumber> InvertPermutation<T> invertPermutation(Operand<T> x) {
        return InvertPermutation.create(scope, x);
    }

    /** Which elements are finite; mirrors {@code tf.math.isFinite}. */
    public IsFinite isFinite(Operand<? extends TNumber> x) {
        return IsFinite.create(scope, x);
    }

    /** Which elements are infinite; mirrors {@code tf.math.isInf}. */
    public IsInf isInf(Operand<? extends TNumber> x) {
        return IsInf.create(scope, x);
    }

    /** Which elements are NaN; mirrors {@code tf.math.isNan}. */
    public IsNan isNan(Operand<? extends TNumber> x) {
        return IsNan.create(scope, x);
    }

    /** {@code x < y} elementwise, broadcast; mirrors {@code tf.math.less}. */
    public <T extends TNumber> Less less(Operand<T> x, Operand<T> y) {
        return Less.create(scope, x, y);
    }

    /** {@code x <= y} elementwise, broadcast; mirrors {@code tf.math.lessEqual}. */
    public <T extends TNumber> LessEqual lessEqual(Operand<T> x, Operand<T> y) {
        return LessEqual.create(scope, x, y);
    }

    /** Natural logarithm; mirrors {@code tf.math.log}. */
    public <T extends TType> Log<T> log(Operand<T> x) {
        return Log.create(scope, x);
    }

    /** {@code log(1 + x)}; mirrors {@code tf.math.log1p}. */
    public <T extends TType> Log1p<T> log1p(Operand<T> x) {
        return Log1p.create(scope, x);
    }

    /** Logical AND, broadcast; mirrors {@code tf.math.logicalAnd}. */
    public LogicalAnd logicalAnd(Operand<TBool> x, Operand<TBool> y) {
        return LogicalAnd.create(scope, x, y);
    }

    /** Logical NOT; mirrors {@code tf.math.logicalNot}. */
    public LogicalNot logicalNot(Operand<TBool> x) {
        return LogicalNot.create(scope, x);
    }

    /** Logical OR, broadcast; mirrors {@code tf.math.logicalOr}. */
    public LogicalOr logicalOr(Operand<TBool> x, Operand<TBool> y) {
        return LogicalOr.create(scope, x, y);
    }

    /** Elementwise maximum, broadcast; mirrors {@code tf.math.maximum}. */
    public <T extends TNumber> Maximum<T> maximum(Operand<T> x, Operand<T> y) {
        return Maximum.create(scope, x, y);
    }

    /** Mean over {@code axis}; mirrors {@code tf.math.mean}. */
    public <T extends TType> Mean<T> mean(Operand<T> input, Operand<? extends TNumber> axis, Mean.Options... options) {
        return Mean.create(scope, input, axis, options);
    }

    /** Elementwise minimum, broadcast; mirrors {@code tf.math.minimum}. */
    public <T extends TNumber> Minimum<T> minimum(Operand<T> x, Operand<T> y) {
        return Minimum.create(scope, x, y);
    }

    /** Remainder with the sign of the dividend (C {@code %}, {@code fmod}); mirrors {@code tf.math.mod}. */
    public <T extends TNumber> Mod<T> mod(Operand<T> x, Operand<T> y) {
        return Mod.create(scope, x, y);
    }

    /** {@code x * y}, broadcast; mirrors {@code tf.math.mul}. */
    public <T extends TType> Mul<T> mul(Operand<T> x, Operand<T> y) {
        return Mul.create(scope, x, y);
    }

    /** Negation; mirrors {@code tf.math.neg}. */
    public <T extends TType> Neg<T> neg(Operand<T> x) {
        return Neg.create(scope, x);
    }

    /** {@code x != y} elementwise, broadcast; mirrors {@code tf.math.notEqual}. */
    public <T extends TType> NotEqual notEqual(Operand<T> x, Operand<T> y, NotEqual.Options... options) {
        return NotEqual.create(scope, x, y, options);
    }

    /** {@code x ** y}, broadcast; mirrors {@code tf.math.pow}. */
    public <T extends TType> Pow<T> pow(Operand<T> x, Operand<T> y) {
        return Pow.create(scope, x, y);
    }

    /** {@code x / y} for floating types; mirrors {@code tf.math.realDiv}. */
    public <T extends TType> RealDiv<T> realDiv(Operand<T> x, Operand<T> y) {
        return RealDiv.create(scope, x, y);
    }

    /** {@code 1 / x}; mirrors {@code tf.math.reciprocal}. */
    public <T extends TType> Reciprocal<T> reciprocal(Operand<T> x) {
        return Reciprocal.create(scope, x);
    }

    /** The gradient of {@code Reciprocal}: {@code -dy * y^2}; mirrors {@code tf.math.reciprocalGrad}. */
    public <T extends TType> ReciprocalGrad<T> reciprocalGrad(Operand<T> y, Operand<T> dy) {
        return ReciprocalGrad.create(scope, y, dy);
    }

    /** Nearest integer, halves to even; mirrors {@code tf.math.rint}. */
    public <T extends TNumber> Rint<T> rint(Operand<T> x) {
        return Rint.create(scope, x);
    }

    /** Nearest integer, halves to even; mirrors {@code tf.math.round}. */
    public <T extends TType> Round<T> round(Operand<T> x) {
        return Round.create(scope, x);
    }

    /** {@code 1 / sqrt(x)}; mirrors {@code tf.math.rsqrt}. */
    public <T extends TType> Rsqrt<T> rsqrt(Operand<T> x) {
        return Rsqrt.create(scope, x);
    }

    /** The gradient of {@code Rsqrt}: {@code -dy * y^3 / 2}; mirrors {@code tf.math.rsqrtGrad}. */
    public <T extends TType> RsqrtGrad<T> rsqrtGrad(Operand<T> y, Operand<T> dy) {
        return RsqrtGrad.create(scope, y, dy);
    }

    /** Logistic sigmoid; mirrors {@code tf.math.sigmoid}. */
    public <T extends TType> Sigmoid<T> sigmoid(Operand<T> x) {
        return Sigmoid.create(scope, x);
    }

    /** The gradient of {@code Sigmoid}: {@code dy * y * (1 - y)}; mirrors {@code tf.math.sigmoidGrad}. */
    public <T extends TType> SigmoidGrad<T> sigmoidGrad(Operand<T> y, Operand<T> dy) {
        return SigmoidGrad.create(scope, y, dy);
    }

    /** Sign (-1, 0 or 1); mirrors {@code tf.math.sign}. */
    public <T extends TType> Sign<T> sign(Operand<T> x) {
        return Sign.create(scope, x);
    }

    /** {@code log(exp(features) + 1)}; mirrors {@code tf.math.softplus}. */
    public <T extends TNumber> Softplus<T> softplus(Operand<T> features) {
        return Softplus.create(scope, features);
    }

    /** The gradient of {@code Softplus}: {@code gradients * sigmoid(features)}; mirrors {@code tf.math.softplusGrad}. */
    public <T extends TNumber> SoftplusGrad<T> softplusGrad(Operand<T> gradients, Operand<T> features) {
        return SoftplusGrad.create(scope, gradients, features);
    }

    /** Square root; mirrors {@code tf.math.sqrt}. */
    public <T extends TType> Sqrt<T> sqrt(Operand<T> x) {
        return Sqrt.create(scope, x);
    }

    /** The gradient of {@code Sqrt}: {@code dy / (2 * y)}; mirrors {@code tf.math.sqrtGrad}. */
    public <T extends TType> SqrtGrad<T> sqrtGrad(Operand<T> y, Operand<T> dy) {
        return SqrtGrad.create(scope, y, dy);
    }

    /** {@code x * x}; mirrors {@code tf.math.square}. */
    public <T extends TType> Square<T> square(Operand<T> x) {
        return Square.create(scope, x);
    }

    /** {@code (x - y)^2}, broadcast; mirrors {@code tf.math.squaredDifference}. */
    public <T extends TType> SquaredDifference<T> squaredDifference(Operand<T> x, Operand<T> y) {
        return SquaredDifference.create(scope, x, y);
    }

    /** {@code x - y}, broadcast; mirrors {@code tf.math.sub}. */
    public <T extends TType> Sub<T> sub(Operand<T> x, Operand<T> y) {
        return Sub.create(scope, x, y);
    }

    /** Hyperbolic tangent; mirrors {@code tf.math.tanh}. */
    public <T extends TType> Tanh<T> tanh(Operand<T> x) {
        return Tanh.create(scope, x);
    }

    /** The gradient of {@code Tanh}: {@code dy * (1 - y^2)}; mirrors {@code tf.math.tanhGrad}. */
    public <T extends TType> TanhGrad<T> tanhGrad(Operand<T> y, Operand<T> dy) {
        return TanhGrad.create(scope, y, dy);
    }

    /** {@code x / y} rounded toward zero; mirrors {@code tf.math.truncateDiv}. */
    public <T extends TType> TruncateDiv<T> truncateDiv(Operand<T> x, Operand<T> y) {
        return TruncateDiv.create(scope, x, y);
    }

    /** Remainder with the sign of the dividend ({@code fmod}); mirrors {@code tf.math.truncateMod}. */
    public <T extends TNumber> TruncateMod<T> truncateMod(Operand<T> x, Operand<T> y) {
        return TruncateMod.create(scope, x, y);
    }

    /** Sums of the rows of {@code data} per segment id (negative ids dropped); mirrors {@code tf.math.unsortedSegmentSum}. */
    public <T extends TType> UnsortedSegmentSum<T> unsortedSegmentSum(Operand<T> data,
            Operand<? extends TNumber> segmentIds, Operand<? extends TNumber> numSegments) {
        return UnsortedSegmentSum.create(scope, data, segmentIds, numSegments);
    }

    /** Running products along {@code axis} (optionally exclusive and/or reversed); mirrors {@code tf.math.cumprod}. */
    public <T extends TType> Cumprod<T> cumprod(Operand<T> x, Operand<? extends TNumber> axis,
            Cumprod.Options... options) {
        return Cumprod.create(scope, x, axis, options);
    }

    /** Running sums along {@code axis} (optionally exclusive and/or reversed); mirrors {@code tf.math.cumsum}. */
    public <T extends TType> Cumsum<T> cumsum(Operand<T> x, Operand<? extends TNumber> axis,
            Cumsum.Options... options) {
        return Cumsum.create(scope, x, axis, options);
    }

    /** Cosine; mirrors {@code tf.math.cos}. */
    public <T extends TType> Cos<T> cos(Operand<T> x) {
        return Cos.create(scope, x);
    }

    /** Sine; mirrors {@code tf.math.sin}. */
    public <T extends TType> Sin<T> sin(Operand<T> x) {
        return Sin.create(scope, x);
    }
}
