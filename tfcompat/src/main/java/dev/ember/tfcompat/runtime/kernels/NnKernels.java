package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.elementwise;
import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.Kernels.sameAs;
import static dev.ember.tfcompat.runtime.kernels.ConvKernels.shape;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.tensorflow.ndarray.Shape;

/**
 * Neural-network ops: activations and their TF gradient ops, bias addition; the convolution,
 * pooling, normalisation and loss families register from here ({@link ConvKernels},
 * {@link PoolKernels}, {@link NormKernels}, {@link LossKernels}). Activations and their gradients are
 * elementwise kernels, so they keep NCHW-laid NHWC tensors as they are (see {@code LayoutPass}).
 */
public final class NnKernels {
    /** SELU's constants, as in TF ({@code selu_op}). */
    static final double SELU_SCALE = 1.0507009873554804934193349852946;
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private NnKernels() {
    }

    public static void register() {
        OpRegistry.register("Relu", Kernels.unary(Tensor::relu));
        OpRegistry.register("Relu6", Kernels.unary(NnKernels::relu6));
        OpRegistry.register("Elu", Kernels.unary(Tensor::elu));
        OpRegistry.register("Selu", Kernels.unary(NnKernels::selu));
        OpRegistry.register("Softsign", Kernels.unary(x -> x.div(x.abs().add(1))));
        OpRegistry.register("LeakyRelu", elementwise(sameAs(0), ctx -> ctx.single(Kernels.cast(
                ctx.input(0).leakyRelu(ctx.attrFloat("alpha", 0.2f)), ctx))));
        registerGradients();
        OpRegistry.register("BiasAdd", of(NnKernels::biasAddOutputs, NnKernels::biasAdd));
        OpRegistry.register("BiasAddV1", of(NnKernels::biasAddOutputs, NnKernels::biasAdd));
        OpRegistry.register("BiasAddGrad", of(NnKernels::biasAddGradOutputs, NnKernels::biasAddGrad));
        ConvKernels.register();
        PoolKernels.register();
        NormKernels.register();
        LossKernels.register();
    }

    /** {@code min(max(x, 0), 6)} with TF's gradient: 1 strictly inside (0, 6), 0 at both ends. */
    private static Tensor relu6(Tensor x) {
        Tensor r = x.relu();
        return Tensor.where(r.lt(6), r, Tensor.scalar(6, r.dtype()));
    }

    /**
     * {@code scale * (x < 0 ? alpha * (exp(x) - 1) : x)} with TF's gradient at 0 ({@code scale}, where
     * the engine's ELU would give {@code scale * alpha}); exp sees at most 0, so no overflow reaches
     * the gradient of the unselected branch.
     */
    private static Tensor selu(Tensor x) {
        Tensor negative = x.clampMax(0).exp().sub(1).mul(SELU_SCALE * SELU_ALPHA);
        return Tensor.where(x.lt(0), negative, x.mul(SELU_SCALE));
    }

    /** TF's activation gradient ops: {@code (gradients, features or outputs)} in, backprops out. */
    private static void registerGradients() {
        grad("ReluGrad", (g, f) -> g.mul(f.gt(0).to(g.dtype())));
        grad("Relu6Grad", (g, f) -> g.mul(f.gt(0).logicalAnd(f.lt(6)).to(g.dtype())));
        grad("EluGrad", (g, y) -> Tensor.where(y.lt(0), g.mul(y.add(1)), g));
        grad("SeluGrad", (g, y) -> Tensor.where(y.lt(0), g.mul(y.add(SELU_SCALE * SELU_ALPHA)), g.mul(SELU_SCALE)));
        grad("SoftsignGrad", (g, f) -> g.div(f.abs().add(1).square()));
        // SigmoidGrad and TanhGrad take (y, dy): the forward output first.
        grad("SigmoidGrad", (y, dy) -> dy.mul(y.mul(y.neg().add(1))));
        grad("TanhGrad", (y, dy) -> dy.mul(y.square().neg().add(1)));
        OpRegistry.register("LeakyReluGrad", elementwise(NnKernels::sameShapes, ctx -> {
            Tensor g = ctx.input(0);
            Tensor f = ctx.input(1);
            checkSameShape(ctx, g, f);
            double alpha = ctx.attrFloat("alpha", 0.2f);
            return ctx.single(Kernels.cast(Tensor.where(f.gt(0), g, g.mul(alpha)), ctx));
        }));
    }

    private static void grad(String type, BiFunction<Tensor, Tensor, Tensor> f) {
        OpRegistry.register(type, elementwise(NnKernels::sameShapes, ctx -> {
            Tensor a = ctx.input(0);
            Tensor b = ctx.input(1);
            checkSameShape(ctx, a, b);
            Vjp.floating(ctx, "input", a);
            return ctx.single(Kernels.cast(f.apply(a, b.to(a.dtype())), ctx));
        }));
    }

    private static OutputSpec[] sameShapes(NodeView n) {
        Shape a = n.inputShape(0);
        Shape b = n.inputShape(1);
        if (!a.isUnknown() && !b.isUnknown() && !a.isCompatibleWith(b)) {
            throw n.invalid("inputs must have the same shape, got " + a + " and " + b);
        }
        return new OutputSpec[] {new OutputSpec(n.inputType(0), a.isUnknown() ? b : a)};
    }

    private static void checkSameShape(KernelContext ctx, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw ctx.invalid("inputs must have the same shape, got " + shape(ctx.inputShape(0)) + " and "
                    + shape(ctx.inputShape(1)));
        }
    }

    // ---------------------------------------------------------------- bias

    /** BiasAdd's channel dimension: the last (NHWC) or dimension 1 (NCHW); BiasAddV1 is always NHWC. */
    private static boolean biasNhwc(dev.ember.tfcompat.runtime.Attrs a) {
        return a.opType().equals("BiasAddV1") || Window.nhwc(a, Window.FORMATS);
    }

    private static OutputSpec[] biasAddOutputs(NodeView n) {
        boolean nhwc = biasNhwc(n);
        ConvKernels.sameType(n, 0, 1);
        Shape v = n.inputShape(0);
        Shape b = n.inputShape(1);
        if (!b.isUnknown() && b.numDimensions() != 1) {
            throw n.invalid("Shape must be rank 1 but is rank " + b.numDimensions() + " (bias)");
        }
        if (!v.isUnknown()) {
            int min = nhwc ? 2 : 3;
            if (v.numDimensions() < min) {
                throw n.invalid("Shape must be at least rank " + min + " but is rank " + v.numDimensions() + " (value)");
            }
            long c = v.size(nhwc ? v.numDimensions() - 1 : 1);
            if (!b.isUnknown() && c >= 0 && b.size(0) >= 0 && c != b.size(0)) {
                throw n.invalid("Dimensions must be equal, but are " + c + " and " + b.size(0) + " (channels of value "
                        + v + " and bias " + b + ")");
            }
        }
        return new OutputSpec[] {new OutputSpec(n.inputType(0), v)};
    }

    private static Value[] biasAdd(KernelContext ctx) {
        boolean nhwc = biasNhwc(ctx);
        long[] vs = ctx.inputShape(0);
        long[] bs = ctx.inputShape(1);
        if (vs.length < (nhwc ? 2 : 3)) {
            throw ctx.invalid("Input tensor must be at least " + (nhwc ? 2 : 3) + "D: " + shape(vs));
        }
        if (bs.length != 1) {
            throw ctx.invalid("Biases must be 1D: " + shape(bs));
        }
        int cdim = nhwc ? vs.length - 1 : 1;
        if (vs[cdim] != bs[0]) {
            throw ctx.invalid("Must provide as many biases as the " + (nhwc ? "last" : "channel") + " dimension of the "
                    + "input tensor: " + shape(bs) + " vs. " + shape(vs));
        }
        Tensor bias = ctx.input(1);
        if (nhwc && vs.length == 4) {
            Tensor x = ctx.nchw(0);
            return new Value[] {ctx.nchwOutput(x.add(bias.to(x.dtype()).reshape(1, bs[0], 1, 1)), 0)};
        }
        Tensor x = ctx.input(0);
        long[] shape = new long[vs.length];
        Arrays.fill(shape, 1);
        shape[cdim] = bs[0];
        return ctx.single(Kernels.cast(x.add(bias.to(x.dtype()).reshape(shape)), ctx));
    }

    private static OutputSpec[] biasAddGradOutputs(NodeView n) {
        boolean nhwc = biasNhwc(n);
        Shape v = n.inputShape(0);
        long c = v.isUnknown() ? -1 : v.numDimensions() < 2 ? -1 : v.size(nhwc ? v.numDimensions() - 1 : 1);
        return new OutputSpec[] {new OutputSpec(n.inputType(0), Shape.of(c))};
    }

    /** BiasAddGrad: the sum of out_backprop over every dimension but the channels. */
    private static Value[] biasAddGrad(KernelContext ctx) {
        boolean nhwc = biasNhwc(ctx);
        long[] vs = ctx.inputShape(0);
        if (vs.length < 2) {
            throw ctx.invalid("Input tensor must be at least 2D: " + shape(vs));
        }
        boolean physical = nhwc && vs.length == 4;
        Tensor g = physical ? ctx.nchw(0) : ctx.input(0);
        int cdim = physical || !nhwc ? 1 : vs.length - 1;
        int[] dims = new int[g.dim() - 1];
        for (int i = 0, k = 0; i < g.dim(); i++) {
            if (i != cdim) {
                dims[k++] = i;
            }
        }
        return ctx.single(Kernels.cast(g.sum(dims, false), ctx));
    }
}
