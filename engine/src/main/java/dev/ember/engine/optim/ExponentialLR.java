package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Multiplies each group's learning rate by {@code gamma} every epoch; mirrors {@code torch.optim.lr_scheduler.ExponentialLR}. */
public final class ExponentialLR extends LRScheduler {
    private double gamma;

    /** Decays by {@code gamma} every epoch. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> out = new ArrayList<>();
        optimizer.paramGroups().forEach(g -> out.add(lastEpoch == 0 ? g.lr() : g.lr() * gamma));
        return out;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        out.put("gamma", gamma);
    }

    @Override
    protected void loadState(Map<String, ?> in) {
        gamma = number(in, "gamma");
    }
}
