package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;

/** Batched matrix product of two 3-D tensors, no broadcasting; mirrors {@code torch.bmm} ({@code BmmBackward0}, the {@link Matmul} node). */
public final class Bmm {
    private Bmm() {
    }

    /** {@code torch.bmm(batch1, batch2)}: {@code [b, n, m] @ [b, m, p]}. */
    public static Tensor apply(Tensor batch1, Tensor batch2) {
        Checks.rank("bmm", "batch1", batch1, 3, "(B,N,M)");
        Checks.rank("bmm", "batch2", batch2, 3, "(B,M,P)");
        Products.sameFloating("bmm", "batch1", batch1, "batch2", batch2);
        long[] a = batch1.shape();
        long[] b = batch2.shape();
        if (a[0] != b[0] || a[2] != b[1]) {
            throw new IllegalArgumentException("bmm: expected batch2 of shape [" + a[0] + ", " + a[2]
                    + ", *] for batch1 of shape " + Shapes.str(a) + ", got " + Shapes.str(b)
                    + (a[0] != b[0] ? " (batch sizes differ; bmm does not broadcast, matmul does)" : ""));
        }
        return Matmul.mm(batch1, batch2, false, false);
    }
}
