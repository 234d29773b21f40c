package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam, with optional L2 weight decay (added to the gradient), AMSGrad and maximization; mirrors
 * {@code torch.optim.Adam} with PyTorch 1.13's update:
 * <pre>
 * g = maximize ? -grad : grad;  g += weight_decay * p
 * m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g
 * vmax = max(vmax, v)                                    (amsgrad; then used instead of v)
 * p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0. State per parameter:
 * {@code step}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq} (amsgrad).
 */
public final class Adam extends Optimizer {

    /** Adam over {@code params} with PyTorch's defaults (lr 1e-3). */
    public Adam(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    /** Adam over {@code params} with learning rate {@code lr}. */
    public Adam(Iterable<Tensor> params, double lr) {
        super(params, AdamMath.defaults(lr, 0.0));
    }

    /** Adam over several groups with the default lr 1e-3 for groups that set none. */
    public Adam(List<ParamGroup> groups) {
        this(groups, 1e-3);
    }

    /** Adam over several groups; {@code lr} is the default for groups that set none. */
    public Adam(List<ParamGroup> groups, double lr) {
        super(groups, AdamMath.defaults(lr, 0.0));
    }

    /** Default learning rate. */
    public Adam lr(double lr) {
        setDefault("lr", lr);
        return this;
    }

    /** Decay rates of the first and second moment estimates (default 0.9, 0.999), each in [0, 1). */
    public Adam betas(double beta1, double beta2) {
        setDefault("betas", List.of(beta1, beta2));
        return this;
    }

    /** Term added to the denominator (default 1e-8). */
    public Adam eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    /** L2 penalty added to the gradient (default 0); see {@link AdamW} for decoupled decay. */
    public Adam weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /** Use the AMSGrad variant (default false). */
    public Adam amsgrad(boolean amsgrad) {
        setDefault("amsgrad", amsgrad);
        return this;
    }

    /** Maximize the objective instead of minimizing it. */
    public Adam maximize(boolean maximize) {
        setDefault("maximize", maximize);
        return this;
    }

    @Override
    protected void checkValue(String key, Object value) {
        AdamMath.check(this, key, value);
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Object> state, ParamGroup group) {
        AdamMath.update(p, grad, state, group, false);
    }
}
