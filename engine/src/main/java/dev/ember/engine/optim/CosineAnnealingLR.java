package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cosine annealing from each group's initial lr down to {@code etaMin} over {@code tMax} epochs
 * (and back up after, as PyTorch does); mirrors {@code torch.optim.lr_scheduler.CosineAnnealingLR}
 * in PyTorch's recursive form, so values match PyTorch step by step (also when something else
 * changes the lr in between).
 */
public final class CosineAnnealingLR extends LRScheduler {
    private int tMax;
    private double etaMin;

    /** Anneals to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    /** Anneals to {@code etaMin} over {@code tMax} (&gt;= 1) epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR: T_max must be a positive number of epochs, got "
                    + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            double lr = groups.get(i).lr();
            double base = baseLrs.get(i);
            if (lastEpoch == 0) {
                out.add(lr);
            } else if (stepCount == 1 && lastEpoch > 0) {
                out.add(etaMin + (base - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2);
            } else if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
                out.add(lr + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
            } else {
                out.add((1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                        * (lr - etaMin) + etaMin);
            }
        }
        return out;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        out.put("T_max", tMax);
        out.put("eta_min", etaMin);
    }

    @Override
    protected void loadState(Map<String, ?> in) {
        int t = integer(in, "T_max");
        double e = number(in, "eta_min");
        tMax = t;
        etaMin = e;
    }
}
