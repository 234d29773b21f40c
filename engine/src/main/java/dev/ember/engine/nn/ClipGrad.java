package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Gradient clipping; mirrors {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class ClipGrad {
    private ClipGrad() {
    }

    /** {@link #clipGradNorm_(Iterable, double, double)} with the 2-norm. */
    public static Tensor clipGradNorm_(Iterable<Tensor> params, double maxNorm) {
        return clipGradNorm_(params, maxNorm, 2.0, false);
    }

    /** {@link #clipGradNorm_(Iterable, double, double, boolean)} without the non-finite check. */
    public static Tensor clipGradNorm_(Iterable<Tensor> params, double maxNorm, double normType) {
        return clipGradNorm_(params, maxNorm, normType, false);
    }

    /**
     * Scales all gradients in place so that their joint {@code normType}-norm (as if concatenated
     * into one vector; {@code Double.POSITIVE_INFINITY} for the max-abs norm) is at most
     * {@code maxNorm}: each gradient is multiplied by {@code min(1, maxNorm / (total + 1e-6))}.
     * Parameters without a gradient are skipped. Returns the total norm before clipping (0-d, the
     * gradients' dtype; {@code tensor(0.)} when no parameter has a gradient). Mirrors
     * {@code torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type, error_if_nonfinite)}.
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> params, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("clipGradNorm_: maxNorm must be >= 0, got " + maxNorm);
        }
        if (Double.isNaN(normType)) {
            throw new IllegalArgumentException("clipGradNorm_: normType must be a number or infinity, got NaN");
        }
        List<Tensor> grads = grads("clipGradNorm_", params);
        if (grads.isEmpty()) {
            return Tensor.scalar(0.0);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            DType dtype = grads.get(0).dtype();
            double[] norms = new double[grads.size()];
            for (int i = 0; i < norms.length; i++) {
                Tensor g = grads.get(i);
                dtype = DType.promote(dtype, g.dtype());
                norms[i] = (normType == Double.POSITIVE_INFINITY ? g.abs().max() : g.norm(normType)).item();
            }
            Tensor all = Tensor.fromArray(norms, norms.length).to(dtype);
            Tensor total = normType == Double.POSITIVE_INFINITY ? all.max() : all.norm(normType);
            if (errorIfNonfinite && !Double.isFinite(total.item())) {
                throw new IllegalStateException("clipGradNorm_: the total norm of order " + normType
                        + " for gradients from `parameters` is non-finite (" + total.item() + "), so it cannot be "
                        + "clipped. To disable this error and scale the gradients by the non-finite norm anyway, "
                        + "pass errorIfNonfinite=false");
            }
            Tensor clipCoef = total.add(1e-6).reciprocal().mul(maxNorm).clampMax(1.0);
            for (Tensor g : grads) {
                g.mul_(clipCoef);
            }
            return total;
        }
    }

    /**
     * Clamps every gradient in place to {@code [-clipValue, clipValue]}; parameters without a
     * gradient are skipped. Mirrors {@code torch.nn.utils.clip_grad_value_}.
     */
    public static void clipGradValue_(Iterable<Tensor> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipGradValue_: clipValue must be >= 0, got " + clipValue);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            for (Tensor g : grads("clipGradValue_", params)) {
                g.clamp_(-clipValue, clipValue);
            }
        }
    }

    private static List<Tensor> grads(String op, Iterable<Tensor> params) {
        if (params == null) {
            throw new IllegalArgumentException(op + ": params is null");
        }
        List<Tensor> out = new ArrayList<>();
        for (Tensor p : params) {
            if (p == null) {
                throw new IllegalArgumentException(op + ": params contains null");
            }
            if (p.grad() != null) {
                out.add(p.grad());
            }
        }
        return out;
    }
}
