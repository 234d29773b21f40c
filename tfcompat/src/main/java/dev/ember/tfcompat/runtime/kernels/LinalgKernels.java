package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.kernels.TfArgs.NUMBERS;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Matrix products: {@code MatMul} ({@code transpose_a/b}) and {@code BatchMatMul} (equal batch
 * dimensions), {@code BatchMatMulV2} (broadcast batch dimensions) and {@code BatchMatMulV3}
 * (input types {@code Ta}/{@code Tb} converted to {@code Tout}), all with {@code adj_x/adj_y}.
 * Integer products run in float64 (exact below 2^53) since the engine multiplies floats.
 */
public final class LinalgKernels {
    private LinalgKernels() {
    }

    public static void register() {
        OpRegistry.register("MatMul", Kernels.of(LinalgKernels::matMulOutputs, LinalgKernels::matMul));
        OpRegistry.register("BatchMatMul", Kernels.of(n -> batchOutputs(n, false), ctx -> batchMatMul(ctx, false)));
        OpRegistry.register("BatchMatMulV2", Kernels.of(n -> batchOutputs(n, true), ctx -> batchMatMul(ctx, true)));
        OpRegistry.register("BatchMatMulV3", Kernels.of(n -> batchOutputs(n, true), ctx -> batchMatMul(ctx, true)));
    }

    private static OutputSpec[] matMulOutputs(NodeView n) {
        DataType t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), NUMBERS);
        Shape a = n.inputShape(0);
        Shape b = n.inputShape(1);
        boolean ta = n.attrBool("transpose_a", false);
        boolean tb = n.attrBool("transpose_b", false);
        for (Shape s : new Shape[] {a, b}) {
            if (!s.isUnknown() && s.numDimensions() != 2) {
                throw n.invalid("Shape must be rank 2 but is rank " + s.numDimensions());
            }
        }
        if (a.isUnknown() || b.isUnknown()) {
            return TfArgs.one(t, Shape.of(-1, -1));
        }
        long inner = a.size(ta ? 0 : 1);
        long innerB = b.size(tb ? 1 : 0);
        if (inner >= 0 && innerB >= 0 && inner != innerB) {
            throw n.invalid("Dimensions must be equal, but are " + inner + " and " + innerB + " with input shapes: "
                    + TfArgs.text(a) + ", " + TfArgs.text(b));
        }
        return TfArgs.one(t, Shape.of(a.size(ta ? 1 : 0), b.size(tb ? 0 : 1)));
    }

    private static Value[] matMul(KernelContext ctx) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        if (a.dim() != 2 || b.dim() != 2) {
            throw ctx.invalid("In[0] and In[1] must be matrices: " + TfArgs.dims(a.shape()) + ", "
                    + TfArgs.dims(b.shape()));
        }
        if (ctx.attrBool("transpose_a", false)) {
            a = a.t();
        }
        if (ctx.attrBool("transpose_b", false)) {
            b = b.t();
        }
        if (a.size(1) != b.size(0)) {
            throw ctx.invalid("Matrix size-incompatible: In[0]: " + TfArgs.dims(a.shape()) + ", In[1]: "
                    + TfArgs.dims(b.shape()));
        }
        return TfArgs.out(ctx, product(a, b));
    }

    /** {@code a @ b} (batched, broadcast); integers go through float64. */
    private static Tensor product(Tensor a, Tensor b) {
        if (a.dtype().isFloatingPoint()) {
            return a.matmul(b);
        }
        return a.to(DType.FLOAT64).matmul(b.to(DType.FLOAT64));
    }

    private static OutputSpec[] batchOutputs(NodeView n, boolean broadcast) {
        DataType t;
        if (n.opType().equals("BatchMatMulV3")) {
            TfArgs.input(n, 0, "Ta", NUMBERS);
            TfArgs.input(n, 1, "Tb", NUMBERS);
            t = TfArgs.allowed(n, "Tout", n.attrType("Tout", n.inputType(0)), NUMBERS);
        } else {
            t = TfArgs.allowed(n, "T", TfArgs.sameType(n, 0, 2), NUMBERS);
        }
        Shape a = n.inputShape(0);
        Shape b = n.inputShape(1);
        if (a.isUnknown() || b.isUnknown()) {
            return TfArgs.one(t, Shape.unknown());
        }
        for (int i = 0; i < 2; i++) {
            Shape s = i == 0 ? a : b;
            if (s.numDimensions() < 2) {
                throw n.invalid("In[" + i + "] ndims must be >= 2: " + s.numDimensions());
            }
        }
        boolean adjX = n.attrBool("adj_x", false);
        boolean adjY = n.attrBool("adj_y", false);
        int ra = a.numDimensions();
        int rb = b.numDimensions();
        long rows = a.size(ra - (adjX ? 1 : 2));
        long cols = b.size(rb - (adjY ? 2 : 1));
        Shape batch = broadcast ? TfArgs.broadcast(n, batch(a), batch(b)) : batch(a);
        long[] out = Arrays.copyOf(batch.asArray(), batch.numDimensions() + 2);
        out[out.length - 2] = rows;
        out[out.length - 1] = cols;
        return TfArgs.one(t, Shape.of(out));
    }

    private static Shape batch(Shape s) {
        return Shape.of(Arrays.copyOf(s.asArray(), s.numDimensions() - 2));
    }

    private static Value[] batchMatMul(KernelContext ctx, boolean broadcast) {
        Tensor a = ctx.input(0);
        Tensor b = ctx.input(1);
        if (ctx.opType().equals("BatchMatMulV3")) {
            DType out = TypeInfo.of(ctx.outputType(0)).engine();
            a = a.to(out);
            b = b.to(out);
        }
        if (a.dim() < 2 || b.dim() < 2) {
            throw ctx.invalid("In[" + (a.dim() < 2 ? 0 : 1) + "] ndims must be >= 2: " + Math.min(a.dim(), b.dim()));
        }
        if (ctx.attrBool("adj_x", false)) {
            a = a.transpose(a.dim() - 2, a.dim() - 1);
        }
        if (ctx.attrBool("adj_y", false)) {
            b = b.transpose(b.dim() - 2, b.dim() - 1);
        }
        long[] ba = Arrays.copyOf(a.shape(), a.dim() - 2);
        long[] bb = Arrays.copyOf(b.shape(), b.dim() - 2);
        if (broadcast) {
            TfArgs.broadcast(ctx, ba, bb);
        } else if (!Arrays.equals(ba, bb)) {
            throw ctx.invalid("In[0] and In[1] must have compatible batch dimensions: " + TfArgs.dims(a.shape())
                    + " vs. " + TfArgs.dims(b.shape()));
        }
        if (a.size(a.dim() - 1) != b.size(b.dim() - 2)) {
            throw ctx.invalid("Matrix size-incompatible: In[0]: " + TfArgs.dims(a.shape()) + ", In[1]: "
                    + TfArgs.dims(b.shape()));
        }
        return TfArgs.out(ctx, product(a, b));
    }
}
