package dev.ember.engine.ops;

import static dev.ember.engine.ops.OpSpec.s;

import dev.ember.engine.DType;
import dev.ember.engine.ops.shape.Clone;
import dev.ember.engine.ops.shape.Expand;
import dev.ember.engine.ops.shape.Permute;
import dev.ember.engine.ops.shape.ToCopy;
import dev.ember.engine.ops.shape.View;
import java.util.List;

/** Rows for {@code ops/shape}. */
final class ShapeSpecs {
    private ShapeSpecs() {
    }

    static List<OpSpec> rows() {
        return List.of(
            OpSpec.of("view", View.class, in -> in[0].view(3, -1))
                .shapes(s(2, 3)).shapes(s(6)).ref(r -> r[0].reshape(3, 2)).torch("a.view(3, -1)")
                .gradFn("ViewBackward0").contiguousOnly("view refuses non-contiguous inputs, as PyTorch's does"),
            OpSpec.of("reshape(permuted)", View.class, in -> in[0].permute(1, 0).reshape(6))
                .shapes(s(2, 3)).ref(r -> r[0].permute(1, 0).reshape(6)).torch("a.permute(1, 0).reshape(6)")
                .gradFn("ReshapeAliasBackward0"),
            OpSpec.of("permute", Permute.class, in -> in[0].permute(2, 0, 1))
                .shapes(s(2, 3, 4)).ref(r -> r[0].permute(2, 0, 1)).torch("a.permute(2, 0, 1)")
                .gradFn("PermuteBackward0"),
            OpSpec.of("expand", Expand.class, in -> in[0].expand(2, 3, -1))
                .shapes(s(3, 1)).shapes(s(1, 4)).shapes(s(1))
                .ref(r -> NdRef.zip(r[0], NdRef.zeros(2, 3, r[0].shape[r[0].rank() - 1]), (a, b) -> a))
                .torch("a.expand(2, 3, -1)").gradFn("ExpandBackward0"),
            OpSpec.of("clone", Clone.class, in -> in[0].permute(1, 0).clone())
                .shapes(s(2, 3)).ref(r -> r[0].permute(1, 0)).torch("a.permute(1, 0).clone()")
                .gradFn("CloneBackward0"),
            OpSpec.of("to(dtype)", ToCopy.class, in -> in[0].to(in[0].dtype() == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64))
                .shapes(s(2, 3)).ref(r -> r[0].map(v -> (double) (float) v))
                .torch("a.float() if a.dtype == torch.float64 else a.double()").gradFn("ToCopyBackward0")
                .gradTolerance(1e-2, 1e-4, 1e-3, "a float32 copy cannot resolve 1e-6 finite-difference steps"));
    }
}
