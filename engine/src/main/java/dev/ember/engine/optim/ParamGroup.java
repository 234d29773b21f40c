package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A list of parameters with its own optimization options; mirrors one dict of PyTorch's
 * {@code optimizer.param_groups}.
 *
 * <pre>{@code
 * var opt = new SGD(List.of(
 *         ParamGroup.of(model.backbone.parameters()),
 *         ParamGroup.of(model.head.parameters()).lr(1e-2)), 1e-3).momentum(0.9);
 * opt.paramGroups().get(1).lr(5e-3);          // what a scheduler does at run time
 * }</pre>
 * Options use PyTorch's keys ({@code lr}, {@code momentum}, {@code weight_decay}, {@code betas},
 * ...). Options a group does not set come from the optimizer's defaults when the group is added.
 * Values are {@code Double}, {@code Boolean} or {@code List<Double>} ({@code betas}); other
 * numbers are stored as {@code Double}. Keys the optimizer does not know (schedulers add
 * {@code initial_lr}, {@code max_lr}, ...) are kept as given.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final LinkedHashMap<String, Object> options = new LinkedHashMap<>();
    private final Set<String> explicit = new LinkedHashSet<>();
    private Optimizer owner;

    private ParamGroup(List<Tensor> params) {
        this.params = Collections.unmodifiableList(params);
    }

    /** A group over {@code params} (in iteration order) with no options of its own yet. */
    public static ParamGroup of(Iterable<Tensor> params) {
        Objects.requireNonNull(params, "ParamGroup.of: params is null");
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        return new ParamGroup(list);
    }

    /** A group over the given parameters. */
    public static ParamGroup of(Tensor... params) {
        return of(List.of(params));
    }

    /** The parameters, in order; mirrors {@code group['params']}. */
    public List<Tensor> params() {
        return params;
    }

    /**
     * Sets option {@code key}; mirrors {@code group[key] = value}. Once the group belongs to an
     * optimizer, the optimizer's own options are checked (type and range) like its constructor does.
     */
    public ParamGroup set(String key, Object value) {
        Objects.requireNonNull(key, "ParamGroup.set: key is null");
        Object v = normalize(key, value);
        if (owner != null) {
            owner.checkOption(key, v);
        }
        options.put(key, v);
        explicit.add(key);
        return this;
    }

    /** Sets the learning rate; shorthand for {@code set("lr", lr)}. */
    public ParamGroup lr(double lr) {
        return set("lr", lr);
    }

    /** The learning rate; shorthand for {@code getDouble("lr")}. */
    public double lr() {
        return getDouble("lr");
    }

    /** {@code true} when the group has option {@code key}. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** The value of option {@code key}; an error naming the known keys when absent. */
    public Object get(String key) {
        if (!options.containsKey(key)) {
            throw new IllegalArgumentException("ParamGroup: no option '" + key + "' (options: " + options.keySet() + ")");
        }
        return options.get(key);
    }

    /** A numeric option. */
    public double getDouble(String key) {
        Object v = get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("ParamGroup: option '" + key + "' is not a number: " + v);
        }
        return n.doubleValue();
    }

    /** A boolean option. */
    public boolean getBoolean(String key) {
        Object v = get(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("ParamGroup: option '" + key + "' is not a boolean: " + v);
        }
        return b;
    }

    /** A list option such as {@code betas}, as an array. */
    public double[] getDoubles(String key) {
        Object v = get(key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException("ParamGroup: option '" + key + "' is not a list: " + v);
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).doubleValue();
        }
        return out;
    }

    /** All options except the parameters, read-only, in insertion order. */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " params, " + options + ")";
    }

    // ---------------------------------------------------------------- package internals

    Optimizer owner() {
        return owner;
    }

    void attach(Optimizer optimizer) {
        this.owner = optimizer;
    }

    boolean isExplicit(String key) {
        return explicit.contains(key);
    }

    /**
     * Sets a value computed by a scheduler: normalized but not range-checked, as PyTorch's
     * schedulers write {@code group['lr']} unchecked (OneCycleLR's last linear step may go below 0).
     */
    void setScheduled(String key, double value) {
        options.put(key, value);
        explicit.add(key);
    }

    /** Sets a list value computed by a scheduler (OneCycleLR's betas), unchecked like {@link #setScheduled(String, double)}. */
    void setScheduled(String key, List<Double> value) {
        options.put(key, List.copyOf(value));
        explicit.add(key);
    }

    /** Sets a default (not marked as chosen by the user, so later default changes still apply). */
    void putDefault(String key, Object value) {
        options.put(key, value);
    }

    /** Replaces all options (loading a state dict). */
    void replaceOptions(Map<String, Object> values) {
        options.clear();
        options.putAll(values);
        explicit.clear();
        explicit.addAll(values.keySet());
    }

    /** Numbers become Double, arrays and number lists become List&lt;Double&gt;; anything else is an error. */
    static Object normalize(String key, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof double[] a) {
            List<Double> out = new ArrayList<>();
            for (double d : a) {
                out.add(d);
            }
            return List.copyOf(out);
        }
        if (value instanceof List<?> list) {
            List<Double> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof Number n)) {
                    throw new IllegalArgumentException("option '" + key + "': list elements must be numbers, got "
                            + list);
                }
                out.add(n.doubleValue());
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("option '" + key + "': expected a number, boolean or list of numbers, got "
                + (value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")"));
    }
}
