package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.ops.linalg.Matmul;
import java.util.List;

/** Rows for {@code ops/linalg}. */
final class LinalgSpecs {
    private LinalgSpecs() {
    }

    static List<OpSpec> rows() {
        return List.of(
            OpSpec.of("matmul", Matmul.class, in -> in[0].matmul(in[1]))
                .shapes(s(2, 3), s(3, 4)).ref(r -> NdRef.matmul(r[0], r[1])).torch("a @ b").gradFn("MmBackward0"),
            OpSpec.of("matmul(batched)", Matmul.class, in -> in[0].matmul(in[1]))
                .shapes(s(2, 2, 3), s(2, 3, 4)).ref(r -> NdRef.matmul(r[0], r[1])).torch("a @ b")
                .gradFn("BmmBackward0"),
            OpSpec.of("matmul(broadcast batch)", Matmul.class, in -> in[0].matmul(in[1]).sum(0))
                .shapes(s(2, 2, 3), s(3, 4))
                .ref(r -> NdRef.matmul(r[0], NdRef.zip(NdRef.zeros(2, 3, 4), r[1], (z, b) -> b))
                        .reduce(new int[] {0}, false, 0, Double::sum))
                .torch("(a @ b).sum(0)"),
            OpSpec.of("matmul(vector)", Matmul.class, in -> in[0].matmul(in[1]))
                .shapes(s(3), s(3, 2)).ref(r -> NdRef.matmul(r[0].reshape(1, 3), r[1]).reshape(2)).torch("a @ b"),
            OpSpec.of("matmul(dot)", Matmul.class, in -> in[0].matmul(in[1]))
                .shapes(s(4), s(4)).ref(r -> NdRef.matmul(r[0].reshape(1, 4), r[1].reshape(4, 1)).reshape())
                .torch("a @ b"));
    }
}
