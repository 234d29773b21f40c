package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Adam update shared by {@link Adam} and {@link AdamW} (PyTorch 1.13's {@code _single_tensor_adam(w)}). */
final class AdamMath {
    private AdamMath() {
    }

    static Map<String, Object> defaults(double lr, double weightDecay) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("betas", List.of(0.9, 0.999));
        d.put("eps", 1e-8);
        d.put("weight_decay", weightDecay);
        d.put("amsgrad", false);
        d.put("maximize", false);
        return d;
    }

    static void check(Optimizer opt, String key, Object value) {
        switch (key) {
            case "lr" -> opt.nonNegative("learning rate", key, value);
            case "eps" -> opt.nonNegative("epsilon value", key, value);
            case "weight_decay" -> opt.nonNegative("weight_decay value", key, value);
            case "betas" -> {
                List<?> betas = (List<?>) value;
                for (int i = 0; i < betas.size(); i++) {
                    double b = ((Number) betas.get(i)).doubleValue();
                    if (!(b >= 0 && b < 1)) {
                        throw new IllegalArgumentException(opt.name() + ": Invalid beta parameter at index " + i
                                + ": betas[" + i + "]=" + b + " (must be in [0, 1))");
                    }
                }
            }
            default -> { }
        }
    }

    /** One step; {@code decoupled} applies weight decay to the parameter (AdamW) instead of the gradient (Adam). */
    static void update(Tensor p, Tensor grad, Map<String, Object> state, ParamGroup g, boolean decoupled) {
        double lr = g.getDouble("lr");
        double[] betas = g.getDoubles("betas");
        double beta1 = betas[0];
        double beta2 = betas[1];
        double weightDecay = g.getDouble("weight_decay");
        boolean amsgrad = g.getBoolean("amsgrad");
        if (!state.containsKey("exp_avg")) {
            state.put("step", 0L);
        }
        Tensor expAvg = Optimizer.stateTensor(state, "exp_avg", p);
        Tensor expAvgSq = Optimizer.stateTensor(state, "exp_avg_sq", p);
        Tensor maxExpAvgSq = amsgrad ? Optimizer.stateTensor(state, "max_exp_avg_sq", p) : null;
        long step = Optimizer.nextStep(state);
        Tensor d = g.getBoolean("maximize") ? grad.neg() : grad;
        if (decoupled) {
            p.mul_(1 - lr * weightDecay);
        } else if (weightDecay != 0) {
            d = d.add(p, weightDecay);
        }
        expAvg.mul_(beta1).add_(d, 1 - beta1);
        Optimizer.addcmul_(expAvgSq.mul_(beta2), d, d, 1 - beta2);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr / biasCorrection1;
        Tensor denom;
        if (amsgrad) {
            maxExpAvgSq.copy_(maxExpAvgSq.maximum(expAvgSq));
            denom = maxExpAvgSq.sqrt().div(biasCorrection2Sqrt).add_(g.getDouble("eps"));
        } else {
            denom = expAvgSq.sqrt().div(biasCorrection2Sqrt).add_(g.getDouble("eps"));
        }
        Optimizer.addcdiv_(p, expAvg, denom, -stepSize);
    }
}
