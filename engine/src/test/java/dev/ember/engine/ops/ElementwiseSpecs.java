package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.elementwise.Abs;
import dev.ember.engine.ops.elementwise.Add;
import dev.ember.engine.ops.elementwise.Ceil;
import dev.ember.engine.ops.elementwise.Clamp;
import dev.ember.engine.ops.elementwise.ClampMax;
import dev.ember.engine.ops.elementwise.ClampMin;
import dev.ember.engine.ops.elementwise.Compare;
import dev.ember.engine.ops.elementwise.Cos;
import dev.ember.engine.ops.elementwise.Div;
import dev.ember.engine.ops.elementwise.Elu;
import dev.ember.engine.ops.elementwise.Erf;
import dev.ember.engine.ops.elementwise.Exp;
import dev.ember.engine.ops.elementwise.Expm1;
import dev.ember.engine.ops.elementwise.Floor;
import dev.ember.engine.ops.elementwise.Gelu;
import dev.ember.engine.ops.elementwise.IsInf;
import dev.ember.engine.ops.elementwise.IsNan;
import dev.ember.engine.ops.elementwise.LeakyRelu;
import dev.ember.engine.ops.elementwise.Log1p;
import dev.ember.engine.ops.elementwise.Log;
import dev.ember.engine.ops.elementwise.LogSoftmax;
import dev.ember.engine.ops.elementwise.Logical;
import dev.ember.engine.ops.elementwise.Maximum;
import dev.ember.engine.ops.elementwise.Minimum;
import dev.ember.engine.ops.elementwise.Mul;
import dev.ember.engine.ops.elementwise.Neg;
import dev.ember.engine.ops.elementwise.Pow;
import dev.ember.engine.ops.elementwise.Reciprocal;
import dev.ember.engine.ops.elementwise.Relu;
import dev.ember.engine.ops.elementwise.Round;
import dev.ember.engine.ops.elementwise.Rsqrt;
import dev.ember.engine.ops.elementwise.Sigmoid;
import dev.ember.engine.ops.elementwise.Sign;
import dev.ember.engine.ops.elementwise.Sin;
import dev.ember.engine.ops.elementwise.Softmax;
import dev.ember.engine.ops.elementwise.Softplus;
import dev.ember.engine.ops.elementwise.Sqrt;
import dev.ember.engine.ops.elementwise.Sub;
import dev.ember.engine.ops.elementwise.Tanh;
import dev.ember.engine.ops.elementwise.Where;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import java.util.List;

/** Rows for {@code ops/elementwise}. */
final class ElementwiseSpecs {
    private ElementwiseSpecs() {
    }

    static List<OpSpec> rows() {
        return List.of(
            OpSpec.of("add", Add.class, in -> in[0].add(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s(3)).shapes(s(2, 1), s(1, 3)).shapes(s(), s(2, 2))
                .ref(r -> NdRef.zip(r[0], r[1], Double::sum)).torch("a + b").gradFn("AddBackward0"),
            OpSpec.of("sub", Sub.class, in -> in[0].sub(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(4, 1, 3), s(2, 1))
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a - b)).torch("a - b").gradFn("SubBackward0"),
            OpSpec.of("mul", Mul.class, in -> in[0].mul(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(3), s(2, 3)).shapes(s(2, 1, 4), s(3, 1)).shapes(s(1, 1), s(2)).shapes(s(3), s(1, 1, 1))
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a * b)).torch("a * b").gradFn("MulBackward0"),
            OpSpec.of("div", Div.class, in -> in[0].div(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s(1, 3)).domain(1, OpSpec.Domain.AWAY_FROM_ZERO)
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a / b)).torch("a / b").gradFn("DivBackward0"),
            OpSpec.of("pow", Pow.class, in -> in[0].pow(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s()).domain(0, OpSpec.Domain.POSITIVE)
                .ref(r -> NdRef.zip(r[0], r[1], Math::pow)).torch("a ** b").gradFn("PowBackward1"),
            OpSpec.of("pow(scalar)", Pow.Scalar.class, in -> in[0].pow(3.0))
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].map(a -> a * a * a)).torch("a ** 3").gradFn("PowBackward0"),
            OpSpec.of("neg", Neg.class, in -> in[0].neg())
                .shapes(s(2, 3)).ref(r -> r[0].map(a -> -a)).torch("-a").gradFn("NegBackward0"),
            OpSpec.of("exp", Exp.class, in -> in[0].exp())
                .shapes(s(2, 3)).ref(r -> r[0].map(Math::exp)).torch("torch.exp(a)").gradFn("ExpBackward0"),
            OpSpec.of("log", Log.class, in -> in[0].log())
                .shapes(s(2, 3)).domain(OpSpec.Domain.POSITIVE)
                .ref(r -> r[0].map(Math::log)).torch("torch.log(a)").gradFn("LogBackward0"),
            OpSpec.of("where", Where.class, in -> Tensor.where(in[0], in[1], in[2]))
                .shapes(s(2, 3), s(2, 3), s(2, 3)).shapes(s(2, 3), s(3), s(2, 1)).domain(0, OpSpec.Domain.BOOL)
                .ref(r -> NdRef.zipAll(v -> v[0] != 0 ? v[1] : v[2], r[0], r[1], r[2]))
                .torch("torch.where(a, b, c)").gradFn("WhereBackward0"),
            OpSpec.of("compare", Compare.class, in -> in[0].lt(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s(3)).notDifferentiable()
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a < b ? 1 : 0)).torch("a < b"),
            // more elementwise math
            OpSpec.of("log1p", Log1p.class, in -> in[0].log1p())
                .shapes(s(2, 3)).shapes(s()).domain(OpSpec.Domain.UNIT)
                .ref(r -> r[0].map(Math::log1p)).torch("torch.log1p(a)").gradFn("Log1PBackward0"),
            OpSpec.of("expm1", Expm1.class, in -> in[0].expm1())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].map(Math::expm1)).torch("torch.expm1(a)").gradFn("Expm1Backward0"),
            OpSpec.of("sqrt", Sqrt.class, in -> in[0].sqrt())
                .shapes(s(2, 3)).shapes(s()).domain(OpSpec.Domain.POSITIVE)
                .ref(r -> r[0].map(Math::sqrt)).torch("torch.sqrt(a)").gradFn("SqrtBackward0"),
            OpSpec.of("rsqrt", Rsqrt.class, in -> in[0].rsqrt())
                .shapes(s(2, 3)).domain(OpSpec.Domain.POSITIVE)
                .ref(r -> r[0].map(a -> 1 / Math.sqrt(a))).torch("torch.rsqrt(a)").gradFn("RsqrtBackward0"),
            OpSpec.of("abs", Abs.class, in -> in[0].abs())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].map(Math::abs)).torch("torch.abs(a)").gradFn("AbsBackward0"),
            OpSpec.of("sign", Sign.class, in -> in[0].sign())
                .shapes(s(2, 3)).ref(r -> r[0].map(Math::signum)).torch("torch.sign(a)").gradFn("SignBackward0"),
            OpSpec.of("square", Pow.Scalar.class, in -> in[0].square())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].map(a -> a * a)).torch("torch.square(a)").gradFn("PowBackward0"),
            OpSpec.of("reciprocal", Reciprocal.class, in -> in[0].reciprocal())
                .shapes(s(2, 3)).domain(OpSpec.Domain.AWAY_FROM_ZERO)
                .ref(r -> r[0].map(a -> 1 / a)).torch("torch.reciprocal(a)").gradFn("ReciprocalBackward0"),
            OpSpec.of("sin", Sin.class, in -> in[0].sin())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].map(Math::sin)).torch("torch.sin(a)").gradFn("SinBackward0"),
            OpSpec.of("cos", Cos.class, in -> in[0].cos())
                .shapes(s(2, 3)).ref(r -> r[0].map(Math::cos)).torch("torch.cos(a)").gradFn("CosBackward0"),
            OpSpec.of("erf", Erf.class, in -> in[0].erf())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].map(NdRef::erf)).torch("torch.erf(a)").gradFn("ErfBackward0"),
            OpSpec.of("maximum", Maximum.class, in -> in[0].maximum(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s(3)).shapes(s(2, 1), s(1, 3)).shapes(s(), s(2, 2))
                .ref(r -> NdRef.zip(r[0], r[1], Math::max)).torch("torch.maximum(a, b)").gradFn("MaximumBackward0"),
            OpSpec.of("minimum", Minimum.class, in -> in[0].minimum(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(3, 1), s(2, 1, 4)).shapes(s(2, 2), s())
                .ref(r -> NdRef.zip(r[0], r[1], Math::min)).torch("torch.minimum(a, b)").gradFn("MinimumBackward0"),
            OpSpec.of("clamp", Clamp.class, in -> in[0].clamp(-1, 0.5))
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> Math.min(Math.max(a, -1), 0.5))).torch("torch.clamp(a, -1, 0.5)")
                .gradFn("ClampBackward1"),
            OpSpec.of("clampMin", ClampMin.class, in -> in[0].clampMin(-0.5))
                .shapes(s(3, 4)).ref(r -> r[0].map(a -> Math.max(a, -0.5))).torch("torch.clamp_min(a, -0.5)")
                .gradFn("ClampMinBackward0"),
            OpSpec.of("clampMax", ClampMax.class, in -> in[0].clampMax(0.5))
                .shapes(s(3, 4)).ref(r -> r[0].map(a -> Math.min(a, 0.5))).torch("torch.clamp_max(a, 0.5)")
                .gradFn("ClampMaxBackward0"),
            OpSpec.of("floor", Floor.class, in -> in[0].floor())
                .shapes(s(3, 4)).ref(r -> r[0].map(Math::floor)).torch("torch.floor(a)").gradFn("FloorBackward0"),
            OpSpec.of("ceil", Ceil.class, in -> in[0].ceil())
                .shapes(s(3, 4)).ref(r -> r[0].map(Math::ceil)).torch("torch.ceil(a)").gradFn("CeilBackward0"),
            OpSpec.of("round", Round.class, in -> in[0].round())
                .shapes(s(3, 4)).ref(r -> r[0].map(Math::rint)).torch("torch.round(a)").gradFn("RoundBackward0"),
            OpSpec.of("logicalAnd", Logical.class, in -> in[0].logicalAnd(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s(3)).domain(OpSpec.Domain.BOOL).notDifferentiable()
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a != 0 && b != 0 ? 1 : 0)).torch("torch.logical_and(a, b)"),
            OpSpec.of("logicalOr", Logical.class, in -> in[0].logicalOr(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(2, 1), s(1, 3)).domain(OpSpec.Domain.BOOL).notDifferentiable()
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a != 0 || b != 0 ? 1 : 0)).torch("torch.logical_or(a, b)"),
            OpSpec.of("logicalXor", Logical.class, in -> in[0].logicalXor(in[1]))
                .shapes(s(2, 3), s(2, 3)).shapes(s(), s(4)).domain(OpSpec.Domain.BOOL).notDifferentiable()
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> (a != 0) != (b != 0) ? 1 : 0)).torch("torch.logical_xor(a, b)"),
            OpSpec.of("logicalNot", Logical.class, in -> in[0].logicalNot())
                .shapes(s(2, 3)).domain(OpSpec.Domain.BOOL).notDifferentiable()
                .ref(r -> r[0].map(a -> a != 0 ? 0 : 1)).torch("torch.logical_not(a)"),
            OpSpec.of("logicalAnd(float)", Logical.class, in -> in[0].floor().logicalAnd(in[1].round()))
                .shapes(s(3, 4), s(3, 4)).shapes(s(3, 4), s(4)).notDifferentiable()
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> Math.floor(a) != 0 && Math.rint(b) != 0 ? 1 : 0))
                .torch("torch.logical_and(a.floor(), b.round())"),
            OpSpec.of("isnan", IsNan.class, in -> in[0].log().isnan())
                .shapes(s(3, 4)).notDifferentiable()
                .ref(r -> r[0].map(a -> Double.isNaN(Math.log(a)) ? 1 : 0)).torch("torch.isnan(torch.log(a))"),
            OpSpec.of("isinf", IsInf.class, in -> in[0].mul(1e5).exp().isinf())
                .shapes(s(3, 4)).notDifferentiable()
                .ref(r -> r[0].map(a -> Double.isInfinite(Math.exp(a * 1e5)) ? 1 : 0))
                .torch("torch.isinf(torch.exp(a * 1e5))"),
            // activations
            OpSpec.of("relu", Relu.class, in -> in[0].relu())
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> Math.max(a, 0))).torch("torch.relu(a)").gradFn("ReluBackward0"),
            OpSpec.of("leakyRelu", LeakyRelu.class, in -> in[0].leakyRelu(0.2))
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> a > 0 ? a : 0.2 * a)).torch("F.leaky_relu(a, 0.2)").gradFn("LeakyReluBackward0"),
            OpSpec.of("leakyRelu(default)", LeakyRelu.class, in -> Functional.leakyRelu(in[0]))
                .shapes(s(3, 4)).ref(r -> r[0].map(a -> a > 0 ? a : 0.01 * a)).torch("F.leaky_relu(a)"),
            OpSpec.of("elu", Elu.class, in -> in[0].elu(1.5))
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> a > 0 ? a : 1.5 * Math.expm1(a))).torch("F.elu(a, 1.5)").gradFn("EluBackward0"),
            OpSpec.of("gelu", Gelu.class, in -> in[0].gelu())
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> a * 0.5 * (1 + NdRef.erf(a / Math.sqrt(2))))).torch("F.gelu(a)")
                .gradFn("GeluBackward0"),
            OpSpec.of("gelu(tanh)", Gelu.class, in -> Functional.gelu(in[0], "tanh"))
                .shapes(s(3, 4))
                .ref(r -> r[0].map(a -> 0.5 * a * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (a + 0.044715 * a * a * a)))))
                .torch("F.gelu(a, approximate='tanh')").gradFn("GeluBackward0"),
            OpSpec.of("sigmoid", Sigmoid.class, in -> in[0].sigmoid())
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> 1 / (1 + Math.exp(-a)))).torch("torch.sigmoid(a)").gradFn("SigmoidBackward0"),
            OpSpec.of("tanh", Tanh.class, in -> in[0].tanh())
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(Math::tanh)).torch("torch.tanh(a)").gradFn("TanhBackward0"),
            OpSpec.of("softplus", Softplus.class, in -> in[0].softplus(2, 1))
                .shapes(s(3, 4)).shapes(s())
                .ref(r -> r[0].map(a -> 2 * a > 1 ? a : Math.log1p(Math.exp(2 * a)) / 2)).torch("F.softplus(a, 2, 1)")
                .gradFn("SoftplusBackward0"),
            OpSpec.of("softplus(default)", Softplus.class, in -> Functional.softplus(in[0]))
                .shapes(s(3, 4)).ref(r -> r[0].map(a -> Math.log1p(Math.exp(a)))).torch("F.softplus(a)"),
            OpSpec.of("softmax", Softmax.class, in -> in[0].softmax(-1))
                .shapes(s(2, 3, 4)).shapes(s(5)).shapes(s())
                .ref(r -> r[0].softmax(-1)).torch("torch.softmax(a, -1)").gradFn("SoftmaxBackward0"),
            OpSpec.of("softmax(dim 1)", Softmax.class, in -> Functional.softmax(in[0], 1))
                .shapes(s(2, 3, 4)).ref(r -> r[0].softmax(1)).torch("F.softmax(a, 1)"),
            OpSpec.of("logSoftmax", LogSoftmax.class, in -> in[0].logSoftmax(-1))
                .shapes(s(2, 3, 4)).shapes(s(5)).shapes(s())
                .ref(r -> r[0].softmax(-1).map(Math::log)).torch("torch.log_softmax(a, -1)").gradFn("LogSoftmaxBackward0"),
            OpSpec.of("logSoftmax(dim 0)", LogSoftmax.class, in -> Functional.logSoftmax(in[0], 0))
                .shapes(s(3, 4)).ref(r -> r[0].softmax(0).map(Math::log)).torch("F.log_softmax(a, 0)"));
    }
}
