package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each group's learning rate to its initial lr times {@code lambda(epoch)}; mirrors
 * {@code torch.optim.lr_scheduler.LambdaLR}. As in PyTorch the functions themselves are not part
 * of the state dict: a resumed scheduler is built with the same functions, then loaded.
 */
public final class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lambdas;

    /** One function for every group, e.g. {@code epoch -> Math.pow(0.95, epoch)}. */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda));
    }

    /** One function per group. */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        super(optimizer);
        if (lrLambdas.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("LambdaLR: Expected " + optimizer.paramGroups().size()
                    + " lr_lambdas, but got " + lrLambdas.size());
        }
        this.lambdas = List.copyOf(lrLambdas);
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < lambdas.size(); i++) {
            out.add(baseLrs.get(i) * lambdas.get(i).applyAsDouble(lastEpoch));
        }
        return out;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
    }

    @Override
    protected void loadState(Map<String, ?> in) {
    }
}
