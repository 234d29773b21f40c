package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop, optionally centered and with momentum; mirrors {@code torch.optim.RMSprop} with
 * PyTorch 1.13's update:
 * <pre>
 * g = maximize ? -grad : grad;  g += weight_decay * p
 * v = alpha * v + (1 - alpha) * g * g
 * avg = centered ? sqrt(v - gavg^2) + eps  (gavg = alpha * gavg + (1 - alpha) * g)  : sqrt(v) + eps
 * momentum &gt; 0:  buf = momentum * buf + g / avg;  p -= lr * buf      else  p -= lr * g / avg
 * </pre>
 * Defaults: lr 1e-2, alpha 0.99, eps 1e-8, weight decay 0, momentum 0. State per parameter:
 * {@code step}, {@code square_avg}, {@code momentum_buffer} (momentum), {@code grad_avg} (centered).
 */
public final class RMSprop extends Optimizer {

    /** RMSprop over {@code params} with PyTorch's defaults (lr 1e-2). */
    public RMSprop(Iterable<Tensor> params) {
        this(params, 1e-2);
    }

    /** RMSprop over {@code params} with learning rate {@code lr}. */
    public RMSprop(Iterable<Tensor> params, double lr) {
        super(params, defaults(lr));
    }

    /** RMSprop over several groups with the default lr 1e-2 for groups that set none. */
    public RMSprop(List<ParamGroup> groups) {
        this(groups, 1e-2);
    }

    /** RMSprop over several groups; {@code lr} is the default for groups that set none. */
    public RMSprop(List<ParamGroup> groups, double lr) {
        super(groups, defaults(lr));
    }

    private static Map<String, Object> defaults(double lr) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", 0.0);
        d.put("alpha", 0.99);
        d.put("eps", 1e-8);
        d.put("centered", false);
        d.put("weight_decay", 0.0);
        d.put("maximize", false);
        return d;
    }

    /** Default learning rate. */
    public RMSprop lr(double lr) {
        setDefault("lr", lr);
        return this;
    }

    /** Smoothing constant of the squared-gradient average (default 0.99). */
    public RMSprop alpha(double alpha) {
        setDefault("alpha", alpha);
        return this;
    }

    /** Term added to the denominator (default 1e-8). */
    public RMSprop eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    /** L2 penalty added to the gradient (default 0). */
    public RMSprop weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /** Momentum factor (default 0). */
    public RMSprop momentum(double momentum) {
        setDefault("momentum", momentum);
        return this;
    }

    /** Normalize by the estimated variance of the gradient instead of its second moment (default false). */
    public RMSprop centered(boolean centered) {
        setDefault("centered", centered);
        return this;
    }

    /** Maximize the objective instead of minimizing it. */
    public RMSprop maximize(boolean maximize) {
        setDefault("maximize", maximize);
        return this;
    }

    @Override
    protected void checkValue(String key, Object value) {
        switch (key) {
            case "lr" -> nonNegative("learning rate", key, value);
            case "eps" -> nonNegative("epsilon value", key, value);
            case "momentum" -> nonNegative("momentum value", key, value);
            case "weight_decay" -> nonNegative("weight_decay value", key, value);
            case "alpha" -> nonNegative("alpha value", key, value);
            default -> { }
        }
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Object> state, ParamGroup g) {
        double alpha = g.getDouble("alpha");
        double momentum = g.getDouble("momentum");
        double weightDecay = g.getDouble("weight_decay");
        if (!state.containsKey("square_avg")) {
            state.put("step", 0L);
        }
        Tensor squareAvg = stateTensor(state, "square_avg", p);
        nextStep(state);
        Tensor d = g.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) {
            d = d.add(p, weightDecay);
        }
        addcmul_(squareAvg.mul_(alpha), d, d, 1 - alpha);
        Tensor avg;
        if (g.getBoolean("centered")) {
            Tensor gradAvg = stateTensor(state, "grad_avg", p);
            gradAvg.mul_(alpha).add_(d, 1 - alpha);
            avg = addcmul_(squareAvg.clone(), gradAvg, gradAvg, -1).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        avg = avg.add_(g.getDouble("eps"));
        if (momentum > 0) {
            Tensor buf = stateTensor(state, "momentum_buffer", p);
            addcdiv_(buf.mul_(momentum), d, avg, 1);
            p.add_(buf, -g.getDouble("lr"));
        } else {
            addcdiv_(p, d, avg, -g.getDouble("lr"));
        }
    }
}
