package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.nn.Functional;
import dev.ember.engine.nn.Reduction;
import dev.ember.engine.ops.nn.BinaryCrossEntropy;
import java.util.List;

/** Rows for {@code ops/nn}. */
final class NnSpecs {
    private NnSpecs() {
    }

    static List<OpSpec> rows() {
        return List.of(
            // Inputs drawn in (-0.9, 0.9) are mapped to probabilities in (0.05, 0.95).
            OpSpec.of("binaryCrossEntropy", BinaryCrossEntropy.class,
                    in -> Functional.binaryCrossEntropy(in[0].add(1).div(2), in[1].add(1).div(2), null, Reduction.NONE))
                .shapes(s(2, 3), s(2, 3)).shapes(s(), s()).domain(OpSpec.Domain.UNIT)
                .ref(r -> NdRef.zip(r[0], r[1], (a, b) -> {
                    double p = (a + 1) / 2;
                    double t = (b + 1) / 2;
                    return -(t * Math.max(Math.log(p), -100) + (1 - t) * Math.max(Math.log1p(-p), -100));
                }))
                .torch("F.binary_cross_entropy((a + 1) / 2, (b + 1) / 2, reduction='none')")
                .gradFn("BinaryCrossEntropyBackward0"));
    }
}
