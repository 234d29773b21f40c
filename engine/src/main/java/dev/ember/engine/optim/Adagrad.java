package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adagrad; mirrors {@code torch.optim.Adagrad} with PyTorch 1.13's (dense) update:
 * <pre>
 * g = maximize ? -grad : grad;  g += weight_decay * p
 * clr = lr / (1 + (t - 1) * lr_decay)
 * sum += g * g                     (sum starts at initial_accumulator_value)
 * p -= clr * g / (sqrt(sum) + eps)
 * </pre>
 * Defaults: lr 1e-2, lr decay 0, weight decay 0, initial accumulator 0, eps 1e-10. State per
 * parameter: {@code step}, {@code sum}. PyTorch creates the state in the constructor; here it is
 * created at the parameter's first update (so a later {@code initialAccumulatorValue(...)} applies),
 * with the same values.
 */
public final class Adagrad extends Optimizer {

    /** Adagrad over {@code params} with PyTorch's defaults (lr 1e-2). */
    public Adagrad(Iterable<Tensor> params) {
        this(params, 1e-2);
    }

    /** Adagrad over {@code params} with learning rate {@code lr}. */
    public Adagrad(Iterable<Tensor> params, double lr) {
        super(params, defaults(lr));
    }

    /** Adagrad over several groups with the default lr 1e-2 for groups that set none. */
    public Adagrad(List<ParamGroup> groups) {
        this(groups, 1e-2);
    }

    /** Adagrad over several groups; {@code lr} is the default for groups that set none. */
    public Adagrad(List<ParamGroup> groups, double lr) {
        super(groups, defaults(lr));
    }

    private static Map<String, Object> defaults(double lr) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lr_decay", 0.0);
        d.put("eps", 1e-10);
        d.put("weight_decay", 0.0);
        d.put("initial_accumulator_value", 0.0);
        d.put("maximize", false);
        return d;
    }

    /** Default learning rate. */
    public Adagrad lr(double lr) {
        setDefault("lr", lr);
        return this;
    }

    /** Learning-rate decay per step (default 0). */
    public Adagrad lrDecay(double lrDecay) {
        setDefault("lr_decay", lrDecay);
        return this;
    }

    /** L2 penalty added to the gradient (default 0). */
    public Adagrad weightDecay(double weightDecay) {
        setDefault("weight_decay", weightDecay);
        return this;
    }

    /** Starting value of the squared-gradient sum (default 0). */
    public Adagrad initialAccumulatorValue(double value) {
        setDefault("initial_accumulator_value", value);
        return this;
    }

    /** Term added to the denominator (default 1e-10). */
    public Adagrad eps(double eps) {
        setDefault("eps", eps);
        return this;
    }

    /** Maximize the objective instead of minimizing it. */
    public Adagrad maximize(boolean maximize) {
        setDefault("maximize", maximize);
        return this;
    }

    @Override
    protected void checkValue(String key, Object value) {
        switch (key) {
            case "lr" -> nonNegative("learning rate", key, value);
            case "lr_decay" -> nonNegative("lr_decay value", key, value);
            case "weight_decay" -> nonNegative("weight_decay value", key, value);
            case "initial_accumulator_value" -> nonNegative("initial_accumulator_value value", key, value);
            case "eps" -> nonNegative("epsilon value", key, value);
            default -> { }
        }
    }

    @Override
    protected void update(Tensor p, Tensor grad, Map<String, Object> state, ParamGroup g) {
        if (!state.containsKey("sum")) {
            state.put("step", 0L);
            state.put("sum", Tensor.zerosLike(p).fill_(g.getDouble("initial_accumulator_value")));
        }
        Tensor sum = (Tensor) state.get("sum");
        long step = nextStep(state);
        Tensor d = g.getBoolean("maximize") ? grad.neg() : grad;
        double weightDecay = g.getDouble("weight_decay");
        if (weightDecay != 0) {
            d = d.add(p, weightDecay);
        }
        double clr = g.getDouble("lr") / (1 + (step - 1) * g.getDouble("lr_decay"));
        addcmul_(sum, d, d, 1);
        Tensor std = sum.sqrt().add_(g.getDouble("eps"));
        addcdiv_(p, d, std, -clr);
    }
}
