package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} every {@code stepSize} epochs; mirrors
 * {@code torch.optim.lr_scheduler.StepLR}.
 */
public final class StepLR extends LRScheduler {
    private int stepSize;
    private double gamma;

    /** StepLR with PyTorch's default {@code gamma = 0.1}. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /** Decays by {@code gamma} every {@code stepSize} (&gt;= 1) epochs. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR: step_size must be a positive number of epochs, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> out = new ArrayList<>();
        boolean decay = lastEpoch != 0 && lastEpoch % stepSize == 0;
        optimizer.paramGroups().forEach(g -> out.add(decay ? g.lr() * gamma : g.lr()));
        return out;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        out.put("step_size", stepSize);
        out.put("gamma", gamma);
    }

    @Override
    protected void loadState(Map<String, ?> in) {
        int s = integer(in, "step_size");
        double g = number(in, "gamma");
        stepSize = s;
        gamma = g;
    }
}
