package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.ops.linalg.Bmm;
import dev.ember.engine.ops.linalg.Dot;
import dev.ember.engine.ops.linalg.Matmul;
import dev.ember.engine.ops.linalg.Mm;
import dev.ember.engine.ops.linalg.Mv;
import dev.ember.engine.ops.linalg.Outer;
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
                .torch("a @ b"),
            OpSpec.of("mm", Mm.class, in -> in[0].mm(in[1]))
                .shapes(s(2, 3), s(3, 4)).shapes(s(1, 5), s(5, 1)).shapes(s(3, 1), s(1, 2))
                .ref(r -> NdRef.matmul(r[0], r[1])).torch("torch.mm(a, b)").gradFn("MmBackward0"),
            OpSpec.of("bmm", Bmm.class, in -> in[0].bmm(in[1]))
                .shapes(s(2, 2, 3), s(2, 3, 4)).shapes(s(1, 3, 1), s(1, 1, 2)).shapes(s(3, 1, 2), s(3, 2, 2))
                .ref(r -> NdRef.matmul(r[0], r[1])).torch("torch.bmm(a, b)").gradFn("BmmBackward0"),
            OpSpec.of("mv", Mv.class, in -> in[0].mv(in[1]))
                .shapes(s(2, 3), s(3)).shapes(s(1, 4), s(4)).shapes(s(3, 1), s(1))
                .ref(r -> NdRef.matmul(r[0], r[1].reshape(r[1].shape[0], 1)).reshape(r[0].shape[0]))
                .torch("torch.mv(a, b)").gradFn("MvBackward0"),
            OpSpec.of("dot", Dot.class, in -> in[0].dot(in[1]))
                .shapes(s(4), s(4)).shapes(s(1), s(1))
                .ref(r -> NdRef.matmul(r[0].reshape(1, r[0].shape[0]), r[1].reshape(r[1].shape[0], 1)).reshape())
                .torch("torch.dot(a, b)").gradFn("DotBackward0"),
            OpSpec.of("outer", Outer.class, in -> in[0].outer(in[1]))
                .shapes(s(3), s(4)).shapes(s(1), s(2))
                .ref(r -> NdRef.zip(r[0].reshape(r[0].shape[0], 1), r[1], (a, b) -> a * b))
                .torch("torch.outer(a, b)").gradFn("MulBackward0"));
    }
}
