package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.ops.elementwise.Add;
import dev.ember.engine.ops.elementwise.Compare;
import dev.ember.engine.ops.elementwise.Div;
import dev.ember.engine.ops.elementwise.Exp;
import dev.ember.engine.ops.elementwise.Log;
import dev.ember.engine.ops.elementwise.Mul;
import dev.ember.engine.ops.elementwise.Neg;
import dev.ember.engine.ops.elementwise.Pow;
import dev.ember.engine.ops.elementwise.Sub;
import dev.ember.engine.ops.elementwise.Where;
import dev.ember.engine.Tensor;
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
                .shapes(s(2, 3), s(2, 3)).shapes(s(3), s(2, 3)).shapes(s(2, 1, 4), s(3, 1))
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
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> a < b ? 1 : 0)).torch("a < b"));
    }
}
