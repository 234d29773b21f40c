package dev.ember.tfcompat.runtime.kernels;

import static dev.ember.tfcompat.runtime.Kernels.of;
import static dev.ember.tfcompat.runtime.kernels.ConvKernels.shape;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Softmax and the losses of {@code tf.nn}: {@code Softmax}, {@code LogSoftmax} (last dimension),
 * {@code SoftmaxCrossEntropyWithLogits} and {@code SparseSoftmaxCrossEntropyWithLogits} (outputs
 * {@code loss} and {@code backprop}), {@code L2Loss}.
 */
public final class LossKernels {
    private LossKernels() {
    }

    public static void register() {
        OpRegistry.register("Softmax", of(n -> atLeastRank1(n), ctx -> ctx.single(logits(ctx).softmax(-1))));
        OpRegistry.register("LogSoftmax", of(n -> atLeastRank1(n), ctx -> ctx.single(logits(ctx).logSoftmax(-1))));
        OpRegistry.register("SoftmaxCrossEntropyWithLogits", of(LossKernels::xentOutputs, LossKernels::xent));
        OpRegistry.register("SparseSoftmaxCrossEntropyWithLogits", of(LossKernels::sparseOutputs, LossKernels::sparseXent));
        OpRegistry.register("L2Loss", of(n -> new OutputSpec[] {new OutputSpec(n.inputType(0), Shape.scalar())},
                ctx -> {
                    Tensor t = ctx.input(0);
                    Vjp.floating(ctx, "t", t);
                    // TF: sum(t * t * 0.5)
                    return ctx.single(Kernels.cast(t.square().mul(0.5).sum(), ctx));
                }));
    }

    private static OutputSpec[] atLeastRank1(NodeView n) {
        Shape s = n.inputShape(0);
        if (!s.isUnknown() && s.numDimensions() < 1) {
            throw n.invalid("logits must have >= 1 dimension, got " + s);
        }
        return new OutputSpec[] {new OutputSpec(n.inputType(0), s)};
    }

    private static Tensor logits(KernelContext ctx) {
        Tensor t = ctx.input(0);
        if (t.dim() < 1) {
            throw ctx.invalid("logits must have >= 1 dimension, got shape " + shape(t.shape()));
        }
        Vjp.floating(ctx, "logits", t);
        return t;
    }

    // ---------------------------------------------------------------- dense labels

    private static OutputSpec[] xentOutputs(NodeView n) {
        ConvKernels.sameType(n, 0, 1);
        Shape f = n.inputShape(0);
        Shape l = n.inputShape(1);
        Shape b = Kernels.broadcastShapes(f, l);
        if (!b.isUnknown() && b.numDimensions() != 2) {
            throw n.invalid("logits and labels must be either 2-dimensional, or broadcasted to be 2-dimensional, "
                    + "got logits " + f + " and labels " + l);
        }
        long batch = b.isUnknown() ? -1 : b.size(0);
        DataType t = n.inputType(0);
        return new OutputSpec[] {new OutputSpec(t, Shape.of(batch)), new OutputSpec(t, b.isUnknown() ? Shape.of(-1, -1) : b)};
    }

    /**
     * loss = sum(labels * -log_softmax(logits)), backprop = softmax(logits) - labels, for labels that
     * need not sum to 1, with TF's gradients (see {@link SoftmaxCrossEntropy}).
     */
    private static Value[] xent(KernelContext ctx) {
        Tensor f = ctx.input(0);
        Tensor l = ctx.input(1).to(f.dtype());
        Vjp.floating(ctx, "logits", f);
        long[] b = broadcast(f.shape(), l.shape());
        if (b == null || b.length != 2) {
            throw ctx.invalid("logits and labels must be broadcastable to 2 dimensions: logits_size=" + shape(f.shape())
                    + " labels_size=" + shape(l.shape()));
        }
        Tensor[] out = new SoftmaxCrossEntropy().applyAll(f.broadcastTo(b), l.broadcastTo(b));
        return new Value[] {Value.of(out[0], ctx.outputType(0)), Value.of(out[1], ctx.outputType(1))};
    }

    /**
     * SoftmaxCrossEntropyWithLogits as one autograd function with TF's gradient
     * ({@code SoftmaxCrossEntropyWithLogitsGrad}): d/d logits = grad_loss * backprop + the softmax
     * Jacobian applied to grad_backprop, d/d labels = grad_loss * -log_softmax(logits) (backprop gives
     * labels no gradient). Plain autograd of the formula would give {@code softmax * sum(labels) - labels}
     * for labels that do not sum to 1. The backward is written in tensor ops, so it has gradients too.
     */
    static final class SoftmaxCrossEntropy extends dev.ember.engine.autograd.Function {
        @Override
        protected Tensor[] forward(dev.ember.engine.autograd.FunctionCtx ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            Tensor logp = in[0].logSoftmax(-1);
            return outputs(in[1].mul(logp).sum(-1).neg(), logp.exp().sub(in[1]));
        }

        @Override
        protected Tensor[] backward(dev.ember.engine.autograd.FunctionCtx ctx, Tensor... grads) {
            Tensor f = ctx.savedTensors()[0];
            Tensor l = ctx.savedTensors()[1];
            Tensor logp = f.logSoftmax(-1);
            Tensor p = logp.exp();
            Tensor gLoss = grads[0].unsqueeze(-1);
            Tensor gBackprop = grads[1];
            Tensor df = gLoss.mul(p.sub(l)).add(gBackprop.sub(gBackprop.mul(p).sum(-1, true)).mul(p));
            Tensor dl = ctx.needsInputGrad(1) ? gLoss.mul(logp.neg()) : null;
            return outputs(df, dl);
        }
    }

    /** NumPy broadcasting of two shapes, or {@code null} when they do not broadcast. */
    private static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    // ---------------------------------------------------------------- sparse labels

    private static OutputSpec[] sparseOutputs(NodeView n) {
        Shape f = n.inputShape(0);
        Shape l = n.inputShape(1);
        DataType lt = n.inputType(1);
        if (lt != DataType.DT_INT32 && lt != DataType.DT_INT64) {
            throw n.invalid("labels must be int32 or int64 (attr Tlabels), got " + lt);
        }
        if (!f.isUnknown() && f.numDimensions() != 2) {
            throw n.invalid("logits must be 2-D, but got shape " + f);
        }
        if (!l.isUnknown() && l.numDimensions() != 1) {
            throw n.invalid("labels must be 1-D, but got shape " + l);
        }
        long batch = !f.isUnknown() ? f.size(0) : !l.isUnknown() ? l.size(0) : -1;
        DataType t = n.inputType(0);
        return new OutputSpec[] {new OutputSpec(t, Shape.of(batch)),
            new OutputSpec(t, f.isUnknown() ? Shape.of(batch, -1) : f)};
    }

    /** loss_i = -log_softmax(logits)[i, label_i], backprop = softmax(logits) - one_hot(labels); labels out of [0, classes) fail as in TF. */
    private static Value[] sparseXent(KernelContext ctx) {
        Tensor f = ctx.input(0);
        Tensor labels = ctx.input(1).to(DType.INT64);
        Vjp.floating(ctx, "logits", f);
        if (f.dim() != 2) {
            throw ctx.invalid("logits must be 2-D, but got shape " + shape(f.shape()));
        }
        if (labels.dim() != 1) {
            throw ctx.invalid("labels must be 1-D, but got shape " + shape(labels.shape()));
        }
        if (labels.size(0) != f.size(0)) {
            throw ctx.invalid("logits and labels must have the same first dimension, got logits shape "
                    + shape(f.shape()) + " and labels shape " + shape(labels.shape()));
        }
        long classes = f.size(1);
        long[] values = labels.toLongArray();
        for (long v : values) {
            if (v < 0 || v >= classes) {
                StringBuilder all = new StringBuilder();
                for (long w : values) {
                    all.append(all.length() == 0 ? "" : " ").append(w);
                }
                throw ctx.invalid("Received a label value of " + v + " which is outside the valid range of [0, "
                        + classes + ").  Label values: " + all);
            }
        }
        Tensor logp = f.logSoftmax(-1);
        Tensor index = labels.unsqueeze(1);
        Tensor loss = logp.gather(1, index).squeeze(1).neg();
        Tensor oneHot = Tensor.zerosLike(f.detach()).scatterAdd(1, index, Tensor.ones(f.dtype(), f.size(0), 1));
        Tensor backprop = logp.exp().sub(oneHot);
        return new Value[] {Value.of(loss, ctx.outputType(0)), Value.of(backprop, ctx.outputType(1))};
    }
}
