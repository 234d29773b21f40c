package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay; mirrors {@code torch.optim.AdamW} with PyTorch 1.13's update:
 * the parameter is first shrunk, {@code p *= 1 - lr * weight_decay}, then updated as by
 * {@link Adam} without weight decay in the gradient. Defaults: lr 1e-3, betas (0.9, 0.999),
 * eps 1e-8, weight decay 1e-2. State per parameter: {@code step}, {@code exp_avg},
 * {@code exp_avg_sq}, {@code max_exp_avg_sq} (amsgrad).
 */
public final class AdamW extends Optimizer {

    /** AdamW over {@code params} with PyTorch's defaults (lr 1e-3). */
    public AdamW(Iterable<Tensor> params) {
        this(params, 1e-3);
    }

    /** AdamW over {@code params} with learning rate {@code lr}. */
    public AdamW(Iterable<Tensor> params, double lr) {
        super(params, AdamMath.defaults(lr, 1e-2));
    }

    /** AdamW over several groups with the default lr 1e-3 for groups that set none. */
    public AdamW(List<ParamGroup> groups) {
        this(groups, 1e-3);
    }

    /** AdamW over several groups; {@code lr} is the default for groups that set none. */
    public AdamW(List<ParamGroup> groups, double lr) {
        super(groups, AdamMath.defaults(lr, 1e-2));
    }

    /** Default learning rate. */
    public AdamW lr(double lr) {
        setDefault("lr", lr);
        return this;
    }

    /** Decay rates of the first and second moment estimates (default 0.9, 0.999), each in [0, 1). */
    public AdamW betas(double beta1, double beta2) {
        setDefault("betas", List.of(beta1, beta2));
        return this;
    }

    /** Term added to the denominator (default 1e-8). */
    public AdamW eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    /** Decoupled weight decay coefficient (default 1e-2). */
    public AdamW weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /** Use the AMSGrad variant (default false). */
    public AdamW amsgrad(boolean amsgrad) {
        setDefault("amsgrad", amsgrad);
        return this;
    }

    /** Maximize the objective instead of minimizing it. */
    public AdamW maximize(boolean maximize) {
        setDefault("maximize", maximize);
        return this;
    }

    @Override
    protected void checkValue(String key, Object value) {
        AdamMath.check(this, key, value);
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Object> state, ParamGroup group) {
        AdamMath.update(p, grad, state, group, true);
    }
}
