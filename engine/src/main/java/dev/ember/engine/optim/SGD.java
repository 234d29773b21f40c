package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, weight decay
 * and maximization; mirrors {@code torch.optim.SGD} with PyTorch 1.13's update:
 * <pre>
 * g = maximize ? -grad : grad;  g += weight_decay * p
 * buf = (first step) ? g : momentum * buf + (1 - dampening) * g
 * g = nesterov ? g + momentum * buf : buf          (when momentum != 0)
 * p -= lr * g
 * </pre>
 * {@code new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true)}. State per parameter:
 * {@code momentum_buffer} (only with momentum).
 */
public final class SGD extends Optimizer {

    /** SGD over {@code params} with learning rate {@code lr} (PyTorch requires it too). */
    public SGD(Iterable<Tensor> params, double lr) {
        super(params, defaults(lr));
    }

    /** SGD over several groups; {@code lr} is the default for groups that set none. */
    public SGD(List<ParamGroup> groups, double lr) {
        super(groups, defaults(lr));
    }

    private static Map<String, Object> defaults(double lr) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", 0.0);
        d.put("dampening", 0.0);
        d.put("weight_decay", 0.0);
        d.put("nesterov", false);
        d.put("maximize", false);
        return d;
    }

    /** Default learning rate. */
    public SGD lr(double lr) {
        setDefault("lr", lr);
        return this;
    }

    /** Momentum factor (default 0). */
    public SGD momentum(double momentum) {
        setDefault("momentum", momentum);
        return this;
    }

    /** Dampening for momentum (default 0). */
    public SGD dampening(double dampening) {
        setDefault("dampening", dampening);
        return this;
    }

    /** L2 penalty added to the gradient (default 0). */
    public SGD weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /** Nesterov momentum (needs momentum &gt; 0 and zero dampening; checked at each step). */
    public SGD nesterov(boolean nesterov) {
        setDefault("nesterov", nesterov);
        return this;
    }

    /** Maximize the objective instead of minimizing it. */
    public SGD maximize(boolean maximize) {
        setDefault("maximize", maximize);
        return this;
    }

    @Override
    protected void checkValue(String key, Object value) {
        switch (key) {
            case "lr" -> nonNegative("learning rate", key, value);
            case "momentum" -> nonNegative("momentum value", key, value);
            case "weight_decay" -> nonNegative("weight_decay value", key, value);
            default -> { }
        }
    }

    @Override
    protected void checkGroup(ParamGroup g, int index) {
        if (g.getBoolean("nesterov") && (g.getDouble("momentum") <= 0 || g.getDouble("dampening") != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening, but "
                    + "param group " + index + " has momentum=" + g.getDouble("momentum") + ", dampening="
                    + g.getDouble("dampening"));
        }
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Object> state, ParamGroup g) {
        double weightDecay = g.getDouble("weight_decay");
        double momentum = g.getDouble("momentum");
        Tensor d = g.getBoolean("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) {
            d = d.add(p, weightDecay);
        }
        if (momentum != 0) {
            Tensor buf = (Tensor) state.get("momentum_buffer");
            if (buf == null) {
                buf = d.clone();
                state.put("momentum_buffer", buf);
            } else {
                buf.mul_(momentum).add_(d, 1 - g.getDouble("dampening"));
            }
            d = g.getBoolean("nesterov") ? d.add(buf, momentum) : buf;
        }
        p.add_(d, -g.getDouble("lr"));
    }
}
