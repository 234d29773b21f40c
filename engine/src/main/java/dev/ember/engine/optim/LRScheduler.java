package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base class of the schedulers stepped once per epoch (or batch); mirrors PyTorch's
 * {@code _LRScheduler} ({@code LRScheduler} since 2.0).
 *
 * <p>As in PyTorch the constructor records each group's {@code initial_lr} (keeping one already
 * there) and takes the first step, so {@code last_epoch} is 0 after construction; call
 * {@link #step()} after {@code optimizer.step()}. Subclasses compute the chainable form of
 * {@code get_lr()} and call {@link #initialStep()} at the end of their constructor. Resuming is
 * done with {@link #loadStateDict} rather than PyTorch's {@code last_epoch} argument.
 */
public abstract class LRScheduler implements Scheduler {
    protected final Optimizer optimizer;
    protected List<Double> baseLrs;
    protected int lastEpoch = -1;
    protected int stepCount;
    private List<Double> lastLr = List.of();

    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, name() + ": optimizer is null");
        List<Double> base = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            if (!g.has("initial_lr")) {
                g.setScheduled("initial_lr", g.lr());
            }
            base.add(g.getDouble("initial_lr"));
        }
        this.baseLrs = List.copyOf(base);
    }

    /** The learning rates for {@code lastEpoch} (already advanced), from the groups' current values; PyTorch's {@code get_lr()}. */
    protected abstract List<Double> computeLr();

    /** Subclass fields for the state dict (PyTorch's attribute names). */
    protected abstract void saveState(Map<String, Object> out);

    /** Restores what {@link #saveState} wrote. */
    protected abstract void loadState(Map<String, ?> in);

    /** The first step, at the end of the subclass constructor (PyTorch's {@code _initial_step}). */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /** Advances one epoch and sets each group's {@code lr}; mirrors {@code scheduler.step()}. */
    public final void step() {
        stepCount++;
        lastEpoch++;
        List<Double> values = computeLr();
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setScheduled("lr", values.get(i));
        }
        lastLr = currentLrs(optimizer);
    }

    /** The scheduler's type name as stored in state dicts. */
    public String name() {
        return getClass().getSimpleName();
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public List<Double> getLastLr() {
        return lastLr;
    }

    /** Epochs (or batches) stepped so far; 0 after construction. Mirrors {@code last_epoch}. */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** The groups' {@code initial_lr} values; mirrors {@code base_lrs}. */
    public List<Double> baseLrs() {
        return baseLrs;
    }

    @Override
    public Map<String, Object> stateDict() {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("type", name());
        out.put("base_lrs", baseLrs);
        out.put("last_epoch", lastEpoch);
        out.put("_step_count", stepCount);
        out.put("_last_lr", lastLr);
        saveState(out);
        return out;
    }

    @Override
    public void loadStateDict(Map<String, ?> stateDict) {
        checkType(name(), stateDict);
        List<Double> base = doubles(stateDict, "base_lrs");
        if (base.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException(name() + ".loadStateDict: the state has " + base.size()
                    + " base_lrs but the optimizer has " + optimizer.paramGroups().size() + " param groups");
        }
        int epoch = integer(stateDict, "last_epoch");
        int count = integer(stateDict, "_step_count");
        List<Double> last = doubles(stateDict, "_last_lr");
        loadState(stateDict);
        baseLrs = base;
        lastEpoch = epoch;
        stepCount = count;
        lastLr = last;
    }

    // ---------------------------------------------------------------- helpers shared with ReduceLROnPlateau

    static List<Double> currentLrs(Optimizer optimizer) {
        List<Double> out = new ArrayList<>();
        optimizer.paramGroups().forEach(g -> out.add(g.lr()));
        return Collections.unmodifiableList(out);
    }

    static void checkType(String name, Map<String, ?> stateDict) {
        Object type = stateDict.get("type");
        if (!name.equals(type)) {
            throw new IllegalArgumentException(name + ".loadStateDict: the state dict was saved from "
                    + (type == null ? "a scheduler of unknown type (no \"type\" entry)" : "scheduler " + type)
                    + ", this scheduler is " + name);
        }
    }

    static Object require(Map<String, ?> m, String key) {
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("scheduler state dict: missing \"" + key + "\"");
        }
        return m.get(key);
    }

    static double number(Map<String, ?> m, String key) {
        Object v = require(m, key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("scheduler state dict: \"" + key + "\" must be a number, got " + v);
        }
        return n.doubleValue();
    }

    static int integer(Map<String, ?> m, String key) {
        return (int) number(m, key);
    }

    static List<Double> doubles(Map<String, ?> m, String key) {
        Object v = require(m, key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("scheduler state dict: \"" + key + "\" must be a list, got " + v);
        }
        List<Double> out = new ArrayList<>();
        for (Object o : l) {
            out.add(((Number) o).doubleValue());
        }
        return Collections.unmodifiableList(out);
    }
}
