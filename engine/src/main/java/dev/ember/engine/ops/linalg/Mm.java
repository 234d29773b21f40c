package dev.ember.engine.ops.linalg;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;

/** Product of two matrices, no broadcasting; mirrors {@code torch.mm} ({@code MmBackward0}, the {@link Matmul} node). */
public final class Mm {
    private Mm() {
    }

    /** {@code torch.mm(mat1, mat2)}: {@code [n, m] @ [m, p]}. */
    public static Tensor apply(Tensor mat1, Tensor mat2) {
        Checks.rank("mm", "mat1", mat1, 2, null);
        Checks.rank("mm", "mat2", mat2, 2, null);
        Products.sameFloating("mm", "mat1", mat1, "mat2", mat2);
        if (mat1.size(1) != mat2.size(0)) {
            throw new IllegalArgumentException("mm: mat1 and mat2 shapes cannot be multiplied (" + mat1.size(0) + "x"
                    + mat1.size(1) + " and " + mat2.size(0) + "x" + mat2.size(1) + ")");
        }
        return Matmul.mm(mat1, mat2, false, false);
    }
}
