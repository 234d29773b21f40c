package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;
import dev.ember.engine.ops.nn.BinaryCrossEntropy;
import java.util.Arrays;
import java.util.Objects;

/**
 * The loss functions behind {@link Functional}'s losses section, composed from tensor ops with
 * PyTorch 1.13's formulas (ATen's {@code LossNLL.cpp} and {@code Loss.cpp}), so values and
 * gradients match it, including its edge cases (NaN mean when every target is ignored).
 */
final class Losses {
    private Losses() {
    }

    // ---------------------------------------------------------------- class targets

    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        String op = "crossEntropy";
        Objects.requireNonNull(reduction, "reduction");
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(op + ": labelSmoothing must be in [0, 1], got " + labelSmoothing);
        }
        ClassTargets.Kind kind = ClassTargets.check(op, input, target, weight, true);
        int cd = ClassTargets.classDim(input);
        Tensor logp = input.logSoftmax(cd);
        if (kind == ClassTargets.Kind.PROBABILITIES) {
            if (ignoreIndex >= 0) {
                throw new IllegalArgumentException(op + ": ignoreIndex (" + ignoreIndex + ") is not supported with "
                        + "class-probability targets; use a negative ignoreIndex (the default is -100)");
            }
            return probabilityTargets(logp, target, weight, reduction, labelSmoothing);
        }
        ClassTargets ct = ClassTargets.of(op, input, target, weight, ignoreIndex);
        Tensor nll = nll(logp, ct, weight != null, reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        // PyTorch's cross_entropy_loss_label_smoothing: (1 - ls) nll + ls / C * (weighted sum of -log p over classes).
        Tensor all = weight == null ? logp : logp.mul(alongClassDim(weight, logp));
        Tensor smooth = Tensor.where(ct.ignored, zero(logp), all.sum(cd).neg());
        Tensor reduced = switch (reduction) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            case MEAN -> smooth.sum().div(ct.totalWeight);
        };
        return nll.mul(1 - labelSmoothing).add(reduced.mul(labelSmoothing / ct.classes));
    }

    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        String op = "nllLoss";
        Objects.requireNonNull(reduction, "reduction");
        ClassTargets.check(op, input, target, weight, false);
        return nll(input, ClassTargets.of(op, input, target, weight, ignoreIndex), weight != null, reduction);
    }

    /** {@code -weight[t] * logp[t]} per position; the mean divides by the total weight of non-ignored targets. */
    private static Tensor nll(Tensor logp, ClassTargets ct, boolean weighted, Reduction reduction) {
        Tensor picked = Tensor.where(ct.hot, logp, zero(logp));
        if (reduction == Reduction.MEAN && ct.totalWeight == 0) {
            // PyTorch divides by a zero total weight: NaN, with zero gradients at ignored positions and
            // NaN ones (weight * -1/0) at non-ignored positions of weight 0.
            return picked.mul(ct.weightMask(0, logp.dtype())).sum().neg().add(Double.NaN);
        }
        if (weighted) {
            picked = picked.mul(ct.weightMask(1, logp.dtype()));
        }
        return switch (reduction) {
            case NONE -> picked.sum(ct.classDim).neg();
            case SUM -> picked.sum().neg();
            case MEAN -> picked.sum().neg().div(ct.totalWeight);
        };
    }

    /** PyTorch's cross_entropy_loss_prob_target; the mean divides by the number of positions, weighted or not. */
    private static Tensor probabilityTargets(Tensor logp, Tensor target, Tensor weight, Reduction reduction,
            double labelSmoothing) {
        int cd = ClassTargets.classDim(logp);
        long classes = logp.size(cd);
        Tensor t = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes) : target;
        Tensor prod = logp.mul(t);
        if (weight != null) {
            prod = prod.mul(alongClassDim(weight, logp));
        }
        return switch (reduction) {
            case NONE -> prod.sum(cd).neg();
            case SUM -> prod.sum().neg();
            case MEAN -> logp.numel() == 0 ? prod.sum().neg().add(Double.NaN)
                    : prod.sum().neg().div((double) (logp.numel() / classes));
        };
    }

    /** {@code weight} (C) shaped to broadcast along the class dimension of {@code like}, in its dtype. */
    private static Tensor alongClassDim(Tensor weight, Tensor like) {
        long[] s = new long[like.dim()];
        Arrays.fill(s, 1);
        s[ClassTargets.classDim(like)] = weight.numel();
        return weight.to(like.dtype()).reshape(s);
    }

    private static Tensor zero(Tensor like) {
        return Tensor.scalar(0.0, like.dtype());
    }

    // ---------------------------------------------------------------- regression

    static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return reduction.apply(difference("mseLoss", input, target).square());
    }

    static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return reduction.apply(difference("l1Loss", input, target).abs());
    }

    static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("smoothL1Loss: beta must be >= 0, got " + beta);
        }
        Tensor d = difference("smoothL1Loss", input, target);
        if (beta == 0) {
            // |d| (the quadratic branch would divide by 0), with PyTorch's subgradient at d = 0: its
            // kernel takes the "d <= -beta" branch, -1, for the input and (arguments swapped) the target.
            Tensor sum = input.add(target);
            Tensor tie = sum.neg().add(sum.detach());
            return reduction.apply(Tensor.where(d.gt(0), d, Tensor.where(d.lt(0), d.neg(), tie)));
        }
        Tensor z = d.abs();
        return reduction.apply(Tensor.where(z.lt(beta), d.square().mul(0.5 / beta), z.sub(0.5 * beta)));
    }

    static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huberLoss: delta must be > 0, got " + delta);
        }
        Tensor d = difference("huberLoss", input, target);
        Tensor z = d.abs();
        return reduction.apply(Tensor.where(z.lt(delta), d.square().mul(0.5), z.sub(0.5 * delta).mul(delta)));
    }

    /** {@code input - target} after checking both are floating and of one shape. */
    private static Tensor difference(String op, Tensor input, Tensor target) {
        sameShape(op, input, target);
        return input.sub(target);
    }

    private static void sameShape(String op, Tensor input, Tensor target) {
        Checks.floating(op, "input", input);
        Checks.floating(op, "target", target);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": target shape " + Shapes.str(target.shape())
                    + " must equal the input shape " + Shapes.str(input.shape())
                    + " (PyTorch would broadcast them with a warning, which is rarely what was meant)");
        }
    }

    // ---------------------------------------------------------------- binary

    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        Tensor loss = BinaryCrossEntropy.apply(input, target);
        if (weight != null) {
            loss = loss.mul(broadcastable("binaryCrossEntropy", "weight", weight, loss));
        }
        return reduction.apply(loss);
    }

    /**
     * PyTorch's stable form: with {@code m = max(-x, 0)}, {@code (1 - t) x + lw (log(e^-m + e^(-x-m)) + m)},
     * where {@code lw = 1 + (posWeight - 1) t}.
     */
    static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Reduction reduction,
            Tensor posWeight) {
        String op = "binaryCrossEntropyWithLogits";
        sameShape(op, input, target);
        Tensor m = input.neg().clampMin(0);
        Tensor logTerm = m.neg().exp().add(input.neg().sub(m).exp()).log().add(m);
        if (posWeight != null) {
            Tensor pw = broadcastable(op, "posWeight", posWeight, input);
            logTerm = pw.sub(1).mul(target).add(1).mul(logTerm);
        }
        Tensor loss = target.neg().add(1).mul(input).add(logTerm);
        if (weight != null) {
            loss = loss.mul(broadcastable(op, "weight", weight, input));
        }
        return reduction.apply(loss);
    }

    /** {@code w} in {@code like}'s dtype, after checking it broadcasts to {@code like}'s shape without growing it. */
    private static Tensor broadcastable(String op, String arg, Tensor w, Tensor like) {
        Checks.floating(op, arg, w);
        long[] s = like.shape();
        boolean ok;
        try {
            ok = Arrays.equals(Shapes.broadcast(op, w.shape(), s), s);
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException(op + ": " + arg + " of shape " + Shapes.str(w.shape())
                    + " does not broadcast to the input shape " + Shapes.str(s));
        }
        return w.dtype() == like.dtype() ? w : w.to(like.dtype());
    }
}
