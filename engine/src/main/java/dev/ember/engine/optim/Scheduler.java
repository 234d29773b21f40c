package dev.ember.engine.optim;

import java.util.List;
import java.util.Map;

/**
 * What every learning-rate scheduler offers, {@link LRScheduler}s (stepped once per epoch or
 * batch) and {@link ReduceLROnPlateau} (stepped with a metric) alike; lets a checkpoint save any
 * of them.
 */
public interface Scheduler {

    /** The optimizer whose learning rates this scheduler sets. */
    Optimizer optimizer();

    /** The learning rate of each param group after the last step; mirrors {@code get_last_lr()}. */
    List<Double> getLastLr();

    /**
     * The scheduler's state as plain Java data ({@code "type"} plus PyTorch's field names, values
     * numbers, strings, booleans and lists of numbers); mirrors {@code state_dict()}.
     */
    Map<String, Object> stateDict();

    /** Restores a state from {@link #stateDict()} of a scheduler of the same type; mirrors {@code load_state_dict}. */
    void loadStateDict(Map<String, ?> stateDict);
}
