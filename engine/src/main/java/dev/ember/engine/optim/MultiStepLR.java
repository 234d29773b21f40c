package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} when the epoch reaches a milestone (by
 * {@code gamma^k} for a milestone listed k times); mirrors
 * {@code torch.optim.lr_scheduler.MultiStepLR}.
 */
public final class MultiStepLR extends LRScheduler {
    private List<Integer> milestones;
    private double gamma;

    /** MultiStepLR with PyTorch's default {@code gamma = 0.1}. */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones) {
        this(optimizer, milestones, 0.1);
    }

    /** Decays by {@code gamma} at each of the {@code milestones} (epoch indices). */
    public MultiStepLR(Optimizer optimizer, List<Integer> milestones, double gamma) {
        super(optimizer);
        this.milestones = sorted(milestones);
        this.gamma = gamma;
        initialStep();
    }

    private static List<Integer> sorted(List<? extends Number> milestones) {
        List<Integer> m = new ArrayList<>();
        for (Number n : milestones) {
            m.add(n.intValue());
        }
        Collections.sort(m);
        return Collections.unmodifiableList(m);
    }

    @Override
    protected List<Double> computeLr() {
        int count = Collections.frequency(milestones, lastEpoch);
        List<Double> out = new ArrayList<>();
        optimizer.paramGroups().forEach(g -> out.add(count == 0 ? g.lr() : g.lr() * Math.pow(gamma, count)));
        return out;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        out.put("milestones", milestones);
        out.put("gamma", gamma);
    }

    @Override
    protected void loadState(Map<String, ?> in) {
        List<Integer> m = sorted(doubles(in, "milestones"));
        double g = number(in, "gamma");
        milestones = m;
        gamma = g;
    }
}
