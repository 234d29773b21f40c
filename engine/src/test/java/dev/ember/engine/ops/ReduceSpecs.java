package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.ops.reduce.Amax;
import dev.ember.engine.ops.reduce.Argmax;
import dev.ember.engine.ops.reduce.Logsumexp;
import dev.ember.engine.ops.reduce.Max;
import dev.ember.engine.ops.reduce.MaxDim;
import dev.ember.engine.ops.reduce.Mean;
import dev.ember.engine.ops.reduce.Norm;
import dev.ember.engine.ops.reduce.Prod;
import dev.ember.engine.ops.reduce.Std;
import dev.ember.engine.ops.reduce.Sum;
import dev.ember.engine.ops.reduce.Var;
import java.util.List;

/** Rows for {@code ops/reduce}. */
final class ReduceSpecs {
    private ReduceSpecs() {
    }

    static List<OpSpec> rows() {
        return List.of(
            OpSpec.of("sum", Sum.class, in -> in[0].sum())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].reduce(new int[0], false, 0, Double::sum)).torch("a.sum()").gradFn("SumBackward0"),
            OpSpec.of("sum(dim)", Sum.class, in -> in[0].sum(1, true))
                .shapes(s(2, 3, 4)).ref(r -> r[0].reduce(new int[] {1}, true, 0, Double::sum))
                .torch("a.sum(1, keepdim=True)").gradFn("SumBackward1"),
            OpSpec.of("sum(dims)", Sum.class, in -> in[0].sum(new int[] {0, -1}, false))
                .shapes(s(2, 3, 4)).ref(r -> r[0].reduce(new int[] {0, 2}, false, 0, Double::sum))
                .torch("a.sum((0, -1))"),
            OpSpec.of("mean", Mean.class, in -> in[0].mean())
                .shapes(s(2, 3)).ref(r -> r[0].reduce(new int[0], false, 0, Double::sum).map(v -> v / 6))
                .torch("a.mean()").gradFn("MeanBackward0"),
            OpSpec.of("mean(dim)", Mean.class, in -> in[0].mean(0))
                .shapes(s(4, 3)).ref(r -> r[0].reduce(new int[] {0}, false, 0, Double::sum).map(v -> v / 4))
                .torch("a.mean(0)").gradFn("MeanBackward1"),
            OpSpec.of("prod", Prod.class, in -> in[0].prod())
                .shapes(s(2, 3)).shapes(s()).shapes(s(5))
                .ref(r -> r[0].reduce(new int[0], false, 1, (a, b) -> a * b)).torch("a.prod()").gradFn("ProdBackward0"),
            OpSpec.of("prod(dim)", Prod.class, in -> in[0].prod(1, true))
                .shapes(s(2, 3, 4)).ref(r -> r[0].reduce(new int[] {1}, true, 1, (a, b) -> a * b))
                .torch("a.prod(1, keepdim=True)").gradFn("ProdBackward1"),
            OpSpec.of("prod(-1)", Prod.class, in -> in[0].prod(-1))
                .shapes(s(3, 4)).shapes(s(5)).ref(r -> r[0].reduce(new int[] {-1}, false, 1, (a, b) -> a * b))
                .torch("a.prod(-1)"),
            OpSpec.of("max", Max.class, in -> in[0].max())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].reduce(new int[0], false, Double.NEGATIVE_INFINITY, Math::max)).torch("a.max()")
                .gradFn("MaxBackward1"),
            OpSpec.of("min", Max.class, in -> in[0].min())
                .shapes(s(2, 3)).shapes(s(4))
                .ref(r -> r[0].reduce(new int[0], false, Double.POSITIVE_INFINITY, Math::min)).torch("a.min()")
                .gradFn("MinBackward1"),
            OpSpec.of("max(dim)", MaxDim.class, in -> in[0].max(1).values())
                .shapes(s(2, 3, 4)).shapes(s(3, 2))
                .ref(r -> r[0].reduce(new int[] {1}, false, Double.NEGATIVE_INFINITY, Math::max))
                .torch("a.max(1).values").gradFn("MaxBackward0"),
            OpSpec.of("min(dim, keepdim)", MaxDim.class, in -> in[0].min(-1, true).values())
                .shapes(s(2, 3, 4)).shapes(s(5))
                .ref(r -> r[0].reduce(new int[] {-1}, true, Double.POSITIVE_INFINITY, Math::min))
                .torch("a.min(-1, keepdim=True).values").gradFn("MinBackward0"),
            OpSpec.of("max(dim).indices", MaxDim.class, in -> in[0].max(-2, true).indices())
                .shapes(s(2, 3, 4)).shapes(s(4, 1)).notDifferentiable()
                .ref(r -> r[0].argReduce(-2, true, true)).torch("a.max(-2, keepdim=True).indices"),
            OpSpec.of("min(dim).indices", MaxDim.class, in -> in[0].min(0).indices())
                .shapes(s(3, 4)).notDifferentiable()
                .ref(r -> r[0].argReduce(0, false, false)).torch("a.min(0).indices"),
            OpSpec.of("amax", Amax.class, in -> in[0].amax(new int[] {0, -1}, true))
                .shapes(s(2, 3, 4)).shapes(s(3, 5))
                .ref(r -> r[0].reduce(new int[] {0, -1}, true, Double.NEGATIVE_INFINITY, Math::max))
                .torch("a.amax((0, -1), keepdim=True)").gradFn("AmaxBackward0"),
            OpSpec.of("amin", Amax.class, in -> in[0].amin(new int[] {1}, false))
                .shapes(s(2, 3, 4)).shapes(s(4, 2))
                .ref(r -> r[0].reduce(new int[] {1}, false, Double.POSITIVE_INFINITY, Math::min))
                .torch("a.amin(1)").gradFn("AminBackward0"),
            OpSpec.of("amax(all)", Amax.class, in -> in[0].amax(new int[0], false))
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].reduce(new int[0], false, Double.NEGATIVE_INFINITY, Math::max)).torch("a.amax()"),
            OpSpec.of("argmax", Argmax.class, in -> in[0].argmax())
                .shapes(s(2, 3)).shapes(s(5)).shapes(s()).notDifferentiable()
                .ref(r -> r[0].reshape(r[0].data.length).argReduce(0, false, true)).torch("torch.argmax(a)"),
            OpSpec.of("argmax(dim)", Argmax.class, in -> in[0].argmax(1, true))
                .shapes(s(2, 3, 4)).notDifferentiable()
                .ref(r -> r[0].argReduce(1, true, true)).torch("torch.argmax(a, 1, keepdim=True)"),
            OpSpec.of("argmin", Argmax.class, in -> in[0].argmin())
                .shapes(s(3, 4)).notDifferentiable()
                .ref(r -> r[0].reshape(r[0].data.length).argReduce(0, false, false)).torch("torch.argmin(a)"),
            OpSpec.of("argmin(dim)", Argmax.class, in -> in[0].argmin(-1, false))
                .shapes(s(2, 3, 4)).shapes(s(5)).notDifferentiable()
                .ref(r -> r[0].argReduce(-1, false, false)).torch("torch.argmin(a, -1)"),
            OpSpec.of("var", Var.class, in -> in[0].var())
                .shapes(s(2, 3)).shapes(s(5))
                .ref(r -> r[0].variance(new int[0], true, false)).torch("a.var()").gradFn("VarBackward0"),
            OpSpec.of("var(dim)", Var.class, in -> in[0].var(1, true, true))
                .shapes(s(2, 3, 4)).ref(r -> r[0].variance(new int[] {1}, true, true))
                .torch("a.var(1, unbiased=True, keepdim=True)").gradFn("VarBackward0"),
            OpSpec.of("var(dims, biased)", Var.class, in -> in[0].var(new int[] {0, -1}, false, false))
                .shapes(s(2, 3, 4)).ref(r -> r[0].variance(new int[] {0, 2}, false, false))
                .torch("a.var((0, -1), unbiased=False)"),
            OpSpec.of("std", Std.class, in -> in[0].std())
                .shapes(s(2, 3)).shapes(s(5))
                .ref(r -> r[0].variance(new int[0], true, false).map(Math::sqrt)).torch("a.std()").gradFn("StdBackward0"),
            OpSpec.of("std(dim)", Std.class, in -> in[0].std(-1, false, true))
                .shapes(s(2, 3, 4)).shapes(s(4))
                .ref(r -> r[0].variance(new int[] {-1}, false, true).map(Math::sqrt))
                .torch("a.std(-1, unbiased=False, keepdim=True)").gradFn("StdBackward0"),
            OpSpec.of("std(dims)", Std.class, in -> in[0].std(new int[] {1, 2}, true, false))
                .shapes(s(2, 3, 4)).ref(r -> r[0].variance(new int[] {1, 2}, true, false).map(Math::sqrt))
                .torch("a.std((1, 2))"),
            OpSpec.of("logsumexp", Logsumexp.class, in -> in[0].logsumexp(1))
                .shapes(s(2, 3, 4)).shapes(s(3, 5))
                .ref(r -> r[0].map(Math::exp).reduce(new int[] {1}, false, 0, Double::sum).map(Math::log))
                .torch("torch.logsumexp(a, 1)"),
            OpSpec.of("logsumexp(keepdim)", Logsumexp.class, in -> in[0].logsumexp(-1, true))
                .shapes(s(2, 3)).shapes(s(4))
                .ref(r -> r[0].map(Math::exp).reduce(new int[] {-1}, true, 0, Double::sum).map(Math::log))
                .torch("torch.logsumexp(a, -1, keepdim=True)"),
            OpSpec.of("norm", Norm.class, in -> in[0].norm())
                .shapes(s(2, 3)).shapes(s())
                .ref(r -> r[0].norm(2, new int[0], false)).torch("a.norm()").gradFn("NormBackward1"),
            OpSpec.of("norm(1, dim)", Norm.class, in -> in[0].norm(1, 1, false))
                .shapes(s(2, 3, 4)).ref(r -> r[0].norm(1, new int[] {1}, false)).torch("a.norm(1, 1)"),
            OpSpec.of("norm(2, dim)", Norm.class, in -> in[0].norm(2, -1, true))
                .shapes(s(2, 3, 4)).shapes(s(4)).ref(r -> r[0].norm(2, new int[] {-1}, true))
                .torch("a.norm(2, -1, keepdim=True)"),
            OpSpec.of("norm(inf, dim)", Norm.class, in -> in[0].norm(Double.POSITIVE_INFINITY, -1, true))
                .shapes(s(2, 3, 4)).shapes(s(5))
                .ref(r -> r[0].norm(Double.POSITIVE_INFINITY, new int[] {-1}, true))
                .torch("a.norm(float('inf'), -1, keepdim=True)"),
            OpSpec.of("norm(-inf, dims)", Norm.class, in -> in[0].norm(Double.NEGATIVE_INFINITY, new int[] {0, 2}, false))
                .shapes(s(2, 3, 4)).ref(r -> r[0].norm(Double.NEGATIVE_INFINITY, new int[] {0, 2}, false))
                .torch("a.norm(float('-inf'), (0, 2))"),
            OpSpec.of("norm(3)", Norm.class, in -> in[0].norm(3))
                .shapes(s(2, 3)).ref(r -> r[0].norm(3, new int[0], false)).torch("a.norm(3)"),
            OpSpec.of("norm(1.5, dim)", Norm.class, in -> in[0].norm(1.5, 0, false))
                .shapes(s(3, 4)).ref(r -> r[0].norm(1.5, new int[] {0}, false)).torch("a.norm(1.5, 0)"),
            OpSpec.of("norm(0.5, dim)", Norm.class, in -> in[0].norm(0.5, 1, false))
                .shapes(s(3, 4)).ref(r -> r[0].norm(0.5, new int[] {1}, false)).torch("a.norm(0.5, 1)"),
            OpSpec.of("norm(0)", Norm.class, in -> in[0].norm(0))
                .shapes(s(3, 4)).ref(r -> r[0].norm(0, new int[0], false)).torch("a.norm(0)"));
    }
}
