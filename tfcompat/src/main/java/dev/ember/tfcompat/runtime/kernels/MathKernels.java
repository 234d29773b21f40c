package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.binary;
import static dev.ember.tfcompat.runtime.Kernels.of;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import org.tensorflow.ndarray.Shape;

/** Arithmetic and matrix products. */
public final class MathKernels {
    private MathKernels() {
    }

    public static void register() {
        OpRegistry.register("AddV2", binary(Tensor::add));
        OpRegistry.register("Add", binary(Tensor::add));
        OpRegistry.register("Sub", binary(Tensor::sub));
        OpRegistry.register("Mul", binary(Tensor::mul));
        OpRegistry.register("Cast", of(
                n -> new OutputSpec[] {new OutputSpec(n.attrType("DstT"), n.inputShape(0))},
                ctx -> ctx.single(ctx.input(0).to(dev.ember.tfcompat.internal.types.TypeInfo.of(ctx.attrType("DstT")).engine()))));
        OpRegistry.register("MatMul", of(
                n -> {
                    Shape a = n.inputShape(0);
                    Shape b = n.inputShape(1);
                    boolean ta = n.attrBool("transpose_a", false);
                    boolean tb = n.attrBool("transpose_b", false);
                    Shape s = a.isUnknown() || b.isUnknown() ? Shape.of(-1, -1)
                            : Shape.of(a.size(ta ? 1 : 0), b.size(tb ? 0 : 1));
                    return new OutputSpec[] {new OutputSpec(n.inputType(0), s)};
                },
                ctx -> {
                    Tensor a = ctx.input(0);
                    Tensor b = ctx.input(1);
                    if (ctx.attrBool("transpose_a", false)) {
                        a = a.t();
                    }
                    if (ctx.attrBool("transpose_b", false)) {
                        b = b.t();
                    }
                    if (a.dim() != 2 || b.dim() != 2 || a.size(1) != b.size(0)) {
                        throw ctx.invalid("Matrix size-incompatible: In[0]: " + java.util.Arrays.toString(a.shape())
                                + ", In[1]: " + java.util.Arrays.toString(b.shape()));
                    }
                    return ctx.single(a.mm(b));
                }));
    }
}
