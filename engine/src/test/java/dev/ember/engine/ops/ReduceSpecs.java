package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.ops.reduce.Mean;
import dev.ember.engine.ops.reduce.Sum;
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
                .torch("a.mean(0)").gradFn("MeanBackward1"));
    }
}
