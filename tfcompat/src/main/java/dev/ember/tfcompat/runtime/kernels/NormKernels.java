package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.kernels.ConvKernels.shape;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Functional;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.runtime.Attrs;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Normalisation: {@code FusedBatchNorm}, {@code V2}, {@code V3} and their gradients, and local
 * response normalisation ({@code LRN}, {@code LRNGrad}).
 *
 * <p>FusedBatchNorm's outputs mean exactly what TF's CPU kernel returns. Training
 * ({@code is_training=true}): {@code y} uses the batch mean and the biased batch variance;
 * {@code batch_mean} is the batch mean and {@code batch_variance} the UNBIASED batch variance
 * ({@code n/(n-1)}), or, when {@code exponential_avg_factor} f is not 1, the running averages
 * {@code (1-f)*mean_in + f*batch_mean} and {@code (1-f)*variance_in + f*unbiased_variance};
 * {@code reserve_space_1}/{@code _2} are the batch mean and the BIASED batch variance (what the
 * gradient op needs); {@code reserve_space_3} (V3) is unused: empty for 4-D input, a scalar 0 for
 * 5-D, as TF's CPU kernels (oneDNN for 4-D, Eigen for 5-D) return it. Inference: {@code y} uses the
 * given mean and variance, which are also returned as {@code batch_mean}/{@code batch_variance} and as
 * the reserve spaces (what TF returns for 4-D input; for 5-D TF leaves the reserve spaces
 * uninitialised). Only {@code y} has gradients (with respect to x, scale and offset), as in TF.
 */
public final class NormKernels {
    private static final String[] FORMATS = {"NHWC", "NCHW", "NDHWC", "NCDHW"};

    private NormKernels() {
    }

    public static void register() {
        OpRegistry.register("FusedBatchNorm", of(n -> bnOutputs(n, 5), ctx -> batchNorm(ctx, 5)));
        OpRegistry.register("FusedBatchNormV2", of(n -> bnOutputs(n, 5), ctx -> batchNorm(ctx, 5)));
        OpRegistry.register("FusedBatchNormV3", of(n -> bnOutputs(n, 6), ctx -> batchNorm(ctx, 6)));
        OpRegistry.register("FusedBatchNormGrad", of(n -> bnGradOutputs(n, 5), ctx -> batchNormGrad(ctx, 5)));
        OpRegistry.register("FusedBatchNormGradV2", of(n -> bnGradOutputs(n, 5), ctx -> batchNormGrad(ctx, 5)));
        OpRegistry.register("FusedBatchNormGradV3", of(n -> bnGradOutputs(n, 5), ctx -> batchNormGrad(ctx, 5)));
        OpRegistry.register("LRN", of(n -> new OutputSpec[] {new OutputSpec(n.inputType(0), ConvKernels.rank4(n, 0,
                "input"))}, NormKernels::lrn));
        OpRegistry.register("LRNGrad", of(n -> new OutputSpec[] {new OutputSpec(n.inputType(1), n.inputShape(1))},
                NormKernels::lrnGrad));
    }

    // ---------------------------------------------------------------- batch norm

    /** The channel layout of a batch-norm node: channels last (NHWC/NDHWC) or at dimension 1. */
    private static boolean channelsLast(Attrs a) {
        String f = Window.choice(a, "data_format", "NHWC", FORMATS);
        if (!a.opType().endsWith("V3") && f.length() == 5) {
            throw a.invalid("data_format " + f + " needs FusedBatchNormV3 (or its gradient)");
        }
        return f.equals("NHWC") || f.equals("NDHWC");
    }

    private static OutputSpec[] bnOutputs(NodeView n, int outputs) {
        channelsLast(n);
        DataType u = n.inputType(1);
        Shape c = n.inputShape(1);
        OutputSpec[] out = new OutputSpec[outputs];
        out[0] = new OutputSpec(n.inputType(0), n.inputShape(0));
        for (int i = 1; i < outputs; i++) {
            out[i] = new OutputSpec(u, i == 5 ? reserveSpace3(n.inputShape(0)) : c);
        }
        return out;
    }

    /** reserve_space_3 as TF's CPU kernels return it: empty for 4-D input (oneDNN), a scalar 0 for 5-D (Eigen). */
    private static Shape reserveSpace3(Shape x) {
        return x.isUnknown() ? Shape.unknown() : x.numDimensions() == 5 ? Shape.scalar() : Shape.of(0);
    }

    /** Whether input {@code i} is computed on in NCHW: a rank-4 channels-last input (no copy when NCHW-laid). */
    private static boolean physicalNchw(KernelContext ctx, int i, boolean channelsLast) {
        return channelsLast && ctx.inputShape(i).length == 4;
    }

    private static Value[] batchNorm(KernelContext ctx, int outputs) {
        boolean last = channelsLast(ctx);
        long[] xs = ctx.inputShape(0);
        if (xs.length != 4 && xs.length != 5) {
            throw ctx.invalid("input must be 4 or 5-dimensional" + shape(xs));
        }
        boolean nchw = physicalNchw(ctx, 0, last);
        Tensor x = nchw ? ctx.nchw(0) : ctx.input(0);
        Vjp.floating(ctx, "x", x);
        int cdim = nchw || !last ? 1 : x.dim() - 1;
        long c = x.size(cdim);
        boolean training = ctx.attrBool("is_training", true);
        double eps = ctx.attrFloat("epsilon", 1e-4f);
        double factor = ctx.attrFloat("exponential_avg_factor", 1f);
        Tensor scale = perChannel(ctx, 1, "scale", c, x.dtype());
        Tensor offset = perChannel(ctx, 2, "offset", c, x.dtype());
        Tensor meanIn = null;
        Tensor varIn = null;
        if (!training || factor != 1.0) {
            String prefix = training ? "When exponential_avg_factor != 1" : "When is_training=false";
            meanIn = perChannel(ctx, 3, prefix + ", mean", c, x.dtype()).detach();
            varIn = perChannel(ctx, 4, prefix + ", variance", c, x.dtype()).detach();
        }
        long[] bshape = broadcastShape(x.dim(), cdim, c);
        int[] dims = reduceDims(x.dim(), cdim);
        Tensor mean;
        Tensor var;
        Tensor centered;
        if (training) {
            mean = x.mean(dims, true);
            centered = x.sub(mean);
            var = centered.square().mean(dims, true);
        } else {
            mean = meanIn.reshape(bshape);
            var = varIn.reshape(bshape);
            centered = x.sub(mean);
        }
        // TF's order: (x - mean) * (rsqrt(var + eps) * scale) + offset
        Tensor y = centered.mul(var.add(eps).rsqrt().mul(scale.reshape(bshape))).add(offset.reshape(bshape));
        DataType u = ctx.outputType(1);
        Value[] out = new Value[outputs];
        out[0] = nchw ? ctx.nchwOutput(y, 0) : Value.of(y, ctx.outputType(0));
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor m = mean.detach().reshape(c);
            Tensor v = var.detach().reshape(c);
            Tensor batchMean = m;
            Tensor batchVar = v;
            if (training) {
                long n = x.numel() / Math.max(c, 1);
                double adjust = (double) n / Math.max(n - 1, 1);
                batchVar = factor == 1.0 ? v.mul(adjust) : varIn.mul(1 - factor).add(v.mul(factor * adjust));
                batchMean = factor == 1.0 ? m : meanIn.mul(1 - factor).add(m.mul(factor));
            }
            out[1] = value(batchMean, u);
            out[2] = value(batchVar, u);
            out[3] = value(m, u);
            out[4] = value(v, u);
            if (outputs == 6) {
                out[5] = value(x.dim() == 5 ? Tensor.zeros(x.dtype()) : Tensor.zeros(x.dtype(), 0), u);
            }
        }
        return out;
    }

    private static OutputSpec[] bnGradOutputs(NodeView n, int outputs) {
        channelsLast(n);
        DataType u = n.inputType(3);
        OutputSpec[] out = new OutputSpec[outputs];
        out[0] = new OutputSpec(n.inputType(1), n.inputShape(1));
        out[1] = new OutputSpec(u, n.inputShape(2));
        out[2] = new OutputSpec(u, n.inputShape(2));
        for (int i = 3; i < outputs; i++) {
            out[i] = new OutputSpec(u, Shape.scalar());
        }
        return out;
    }

    /**
     * FusedBatchNormGrad(y_backprop, x, scale, reserve_space_1, reserve_space_2[, reserve_space_3]):
     * TF's formulas, with the reserve spaces being the batch mean and biased variance in training and
     * the population mean and variance in inference.
     */
    private static Value[] batchNormGrad(KernelContext ctx, int outputs) {
        boolean last = channelsLast(ctx);
        long[] xs = ctx.inputShape(1);
        if (xs.length != 4 && xs.length != 5) {
            throw ctx.invalid("x must be 4 or 5-dimensional" + shape(xs));
        }
        if (!java.util.Arrays.equals(ctx.inputShape(0), xs)) {
            throw ctx.invalid("x and y_backprop must have same shape, but x has shape " + shape(xs)
                    + " and y_backprop has shape " + shape(ctx.inputShape(0)));
        }
        boolean nchw = physicalNchw(ctx, 1, last);
        Tensor x = nchw ? ctx.nchw(1) : ctx.input(1);
        Tensor dy = (nchw ? ctx.nchw(0) : ctx.input(0)).to(x.dtype());
        Vjp.floating(ctx, "x", x);
        int cdim = nchw || !last ? 1 : x.dim() - 1;
        long c = x.size(cdim);
        double eps = ctx.attrFloat("epsilon", 1e-4f);
        long[] bshape = broadcastShape(x.dim(), cdim, c);
        int[] dims = reduceDims(x.dim(), cdim);
        Tensor scale = perChannel(ctx, 2, "scale", c, x.dtype()).reshape(bshape);
        Tensor mean = perChannel(ctx, 3, "reserve_space_1", c, x.dtype()).reshape(bshape);
        Tensor var = perChannel(ctx, 4, "reserve_space_2", c, x.dtype()).reshape(bshape);
        Tensor coef0 = var.add(eps).rsqrt();
        Tensor centered = x.sub(mean);
        Tensor scaleGrad = dy.mul(centered.mul(coef0)).sum(dims, false);
        Tensor offsetGrad = dy.sum(dims, false);
        Tensor dx;
        if (ctx.attrBool("is_training", true)) {
            Tensor dyCentered = dy.sub(dy.mean(dims, true));
            Tensor dyXMean = dy.mul(centered).mean(dims, true);
            dx = scale.mul(coef0).mul(dyCentered.sub(centered.mul(coef0.square().mul(dyXMean))));
        } else {
            dx = dy.mul(scale.mul(coef0));
        }
        DataType u = ctx.outputType(1);
        Value[] out = new Value[outputs];
        out[0] = nchw ? ctx.nchwOutput(dx, 0) : Value.of(dx, ctx.outputType(0));
        out[1] = value(scaleGrad, u);
        out[2] = value(offsetGrad, u);
        for (int i = 3; i < outputs; i++) {
            out[i] = value(Tensor.zeros(x.dtype()), u);
        }
        return out;
    }

    /** Input {@code i}, a vector of {@code c} values (TF's per-channel check and message). */
    private static Tensor perChannel(KernelContext ctx, int i, String what, long c, DType dtype) {
        long[] s = ctx.inputShape(i);
        String name = what.contains(", ") ? what.substring(what.indexOf(", ") + 2) : what;
        if (s.length != 1) {
            throw ctx.invalid(name + " must be 1-dimensional" + shape(s));
        }
        if (s[0] != c) {
            throw ctx.invalid(what + " must have the same number of elements as the channels of x, got " + s[0]
                    + " and " + c);
        }
        return ctx.input(i).to(dtype);
    }

    private static Value value(Tensor t, DataType type) {
        return Value.of(t.to(TypeInfo.of(type).engine()), type);
    }

    private static long[] broadcastShape(int rank, int cdim, long c) {
        long[] s = new long[rank];
        java.util.Arrays.fill(s, 1);
        s[cdim] = c;
        return s;
    }

    private static int[] reduceDims(int rank, int cdim) {
        int[] dims = new int[rank - 1];
        for (int i = 0, k = 0; i < rank; i++) {
            if (i != cdim) {
                dims[k++] = i;
            }
        }
        return dims;
    }

    // ---------------------------------------------------------------- local response normalisation

    /**
     * LRN over the last (depth) dimension of a 4-D NHWC input: {@code x / (bias + alpha * sqr_sum)^beta}
     * with {@code sqr_sum} the sum of squares of the {@code 2 * depth_radius + 1} neighbouring channels
     * (computed on NCHW as an average pool along the channels).
     */
    private static Value[] lrn(KernelContext ctx) {
        ConvKernels.requireRank4(ctx, 0, "input");
        Tensor x = ctx.nchw(0);
        Vjp.floating(ctx, "input", x);
        return new Value[] {ctx.nchwOutput(lrn(ctx, x), 0)};
    }

    private static Tensor lrn(Attrs a, Tensor x) {
        long r = a.attrLong("depth_radius", 5);
        double bias = a.attrFloat("bias", 1f);
        double alpha = a.attrFloat("alpha", 1f);
        double beta = a.attrFloat("beta", 0.5f);
        if (r < 0) {
            throw a.invalid("depth_radius must be non-negative, got " + r);
        }
        long[] s = x.shape();
        int window = Math.toIntExact(2 * r + 1);
        Tensor squares = x.square().reshape(s[0], 1, s[1], s[2] * s[3]);
        Tensor sums = Functional.avgPool2d(Functional.pad(squares, 0, 0, r, r), new int[] {window, 1},
                new int[] {1, 1}, new int[] {0, 0}, false, true).mul(window).reshape(s);
        return x.div(sums.mul(alpha).add(bias).pow(beta));
    }

    /** LRNGrad(input_grads, input_image, output_image): the gradient of {@code LRN} at input_image. */
    private static Value[] lrnGrad(KernelContext ctx) {
        for (int i = 0; i < 3; i++) {
            ConvKernels.requireRank4(ctx, i, i == 0 ? "input_grads" : i == 1 ? "input_image" : "output_image");
        }
        Tensor x = ctx.nchw(1);
        Vjp.floating(ctx, "input_image", x);
        Tensor g = ctx.nchw(0);
        if (!java.util.Arrays.equals(g.shape(), x.shape())) {
            throw ctx.invalid("input_grads and input_image must have the same shape, got "
                    + shape(ctx.inputShape(0)) + " and " + shape(ctx.inputShape(1)));
        }
        return new Value[] {ctx.nchwOutput(Vjp.of(t -> lrn(ctx, t), x, g), 0)};
    }
}
