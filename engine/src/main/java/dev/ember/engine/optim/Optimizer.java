package dev.ember.engine.optim;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Base class of the optimizers; mirrors {@code torch.optim.Optimizer}.
 *
 * <p>An optimizer holds {@linkplain ParamGroup parameter groups}, each with its options (the
 * optimizer's defaults unless the group sets its own), and per-parameter state (step counts,
 * momentum buffers, moment estimates) created lazily at the first {@link #step()} that sees a
 * gradient for the parameter.
 *
 * <p><b>State dict.</b> {@link #stateDict()} is plain Java data, shaped like PyTorch's:
 * <pre>
 * "type"         -&gt; "Adam"                                 (Ember: the optimizer class name)
 * "state"        -&gt; Map&lt;Integer, Map&lt;String, Object&gt;&gt;  parameter index -&gt; {"step": Long,
 *                                                            "exp_avg": Tensor, ...}
 * "param_groups" -&gt; List&lt;Map&lt;String, Object&gt;&gt;         {"lr": Double, "betas": List&lt;Double&gt;, ...,
 *                                                            "params": List&lt;Integer&gt;}
 * </pre>
 * Parameter indices count through the groups in order (group 0's parameters first), as in
 * PyTorch. Leaf values are {@code Tensor}, {@code Double}, {@code Long}, {@code Integer},
 * {@code Boolean}, {@code String} or lists of numbers. A checkpoint writer can therefore store
 * every {@code Tensor} under a dotted key ({@code state.3.exp_avg}) in a safetensors file and the
 * rest as JSON in its {@code __metadata__}; {@link #loadStateDict} accepts parameter indices as
 * {@code Integer}, {@code Long} or decimal {@code String}, any {@code Number} for numbers, and a
 * 0-d tensor for {@code step} (PyTorch's Adam stores it so), so such a round trip loads back.
 */
public abstract class Optimizer {
    /** Group keys the LR schedulers add; accepted in {@link #addParamGroup} although no optimizer option. */
    private static final Set<String> SCHEDULER_KEYS = Set.of("initial_lr", "max_lr", "min_lr", "max_momentum",
            "base_momentum");

    private final LinkedHashMap<String, Object> defaults = new LinkedHashMap<>();
    private final List<ParamGroup> groups = new ArrayList<>();
    private final IdentityHashMap<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    /** An optimizer over one group of {@code params} with the given default options. */
    protected Optimizer(Iterable<Tensor> params, Map<String, Object> defaults) {
        this(List.of(ParamGroup.of(Objects.requireNonNull(params, "optimizer: params is null"))), defaults, true);
    }

    /** An optimizer over several groups (each may override the defaults). */
    protected Optimizer(List<ParamGroup> groups, Map<String, Object> defaults) {
        this(groups, defaults, false);
    }

    private Optimizer(List<ParamGroup> groups, Map<String, Object> defaults, boolean single) {
        Objects.requireNonNull(groups, "optimizer: param groups are null");
        defaults.forEach((k, v) -> this.defaults.put(k, ParamGroup.normalize(k, v)));
        this.defaults.forEach(this::checkValue);
        if (groups.isEmpty() || (single && groups.get(0).params().isEmpty())) {
            throw new IllegalArgumentException(name() + ": optimizer got an empty parameter list");
        }
        for (ParamGroup g : groups) {
            addParamGroup(g);
        }
    }

    // ---------------------------------------------------------------- what subclasses provide

    /**
     * Updates {@code param} in place from {@code grad} (never null, detached) with the group's
     * options; {@code state} is the parameter's state map (empty before its first update). Runs
     * under {@link NoGrad}.
     */
    protected abstract void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group);

    /** Range checks of one option value (its type is already checked); throw naming the key and value. */
    protected void checkValue(String key, Object value) {
    }

    /** Checks that combine options of one group (e.g. nesterov needs momentum); run before every step. */
    protected void checkGroup(ParamGroup group, int index) {
    }

    /** Sets a default option; groups that did not set {@code key} themselves take the new value. */
    protected void setDefault(String key, Object value) {
        Object v = ParamGroup.normalize(key, value);
        checkOption(key, v);
        defaults.put(key, v);
        for (ParamGroup g : groups) {
            if (!g.isExplicit(key)) {
                g.putDefault(key, v);
            }
        }
    }

    /** An error if {@code value} (a number) is negative or NaN, worded like PyTorch's ("Invalid learning rate"). */
    protected final void nonNegative(String what, String key, Object value) {
        double d = ((Number) value).doubleValue();
        if (!(d >= 0)) {
            throw new IllegalArgumentException(name() + ": Invalid " + what + ": " + key + "=" + d + " (must be >= 0)");
        }
    }

    /** The parameter's state tensor {@code key}, created as zeros like {@code param} when absent. */
    protected static Tensor stateTensor(Map<String, Object> state, String key, Tensor param) {
        return (Tensor) state.computeIfAbsent(key, k -> Tensor.zerosLike(param));
    }

    /** Increments and returns the parameter's {@code step} count. */
    protected static long nextStep(Map<String, Object> state) {
        long step = ((Number) state.getOrDefault("step", 0L)).longValue() + 1;
        state.put("step", step);
        return step;
    }

    /** {@code self += value * t1 * t2}; mirrors {@code self.addcmul_(t1, t2, value=value)}. */
    protected static Tensor addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
        return self.add_((value == 1 ? t1 : t1.mul(value)).mul(t2));
    }

    /** {@code self += value * t1 / t2}; mirrors {@code self.addcdiv_(t1, t2, value=value)}. */
    protected static Tensor addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
        return self.add_((value == 1 ? t1 : t1.mul(value)).div(t2));
    }

    // ---------------------------------------------------------------- public API

    /** The optimizer's type name as stored in state dicts, e.g. {@code "Adam"}. */
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * One optimization step over every parameter that has a gradient (parameters whose grad is
     * null are skipped, as in PyTorch); mirrors {@code optimizer.step()}. Runs without recording
     * autograd history.
     */
    public void step() {
        for (int i = 0; i < groups.size(); i++) {
            checkGroup(groups.get(i), i);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            for (int gi = 0; gi < groups.size(); gi++) {
                ParamGroup g = groups.get(gi);
                for (int pi = 0; pi < g.params().size(); pi++) {
                    Tensor p = g.params().get(pi);
                    Tensor grad = p.grad();
                    if (grad == null) {
                        continue;
                    }
                    if (!grad.dtype().isFloatingPoint()) {
                        throw new IllegalArgumentException(name() + ".step: parameter " + pi + " of group " + gi
                                + " has a gradient of dtype " + grad.dtype() + "; gradients must be floating point");
                    }
                    update(p, grad.detach(), state.computeIfAbsent(p, k -> new LinkedHashMap<>()), g);
                }
            }
        }
    }

    /** Evaluates {@code closure} (with grad enabled), then steps; returns the closure's loss. Mirrors {@code step(closure)}. */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (NoGrad ignored = NoGrad.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /** Sets every gradient to null; mirrors {@code zero_grad()} of PyTorch 2.x ({@code set_to_none=True}). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Clears gradients: to null when {@code setToNone}, else to zeros in place (detached). Mirrors {@code zero_grad(set_to_none)}. */
    public void zeroGrad(boolean setToNone) {
        try (NoGrad ignored = NoGrad.enter()) {
            for (ParamGroup g : groups) {
                for (Tensor p : g.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) {
                        continue;
                    }
                    if (setToNone) {
                        p.setGrad(null);
                    } else {
                        if (grad.gradFn() != null) {
                            grad = grad.detach();
                            p.setGrad(grad);
                        }
                        grad.zero_();
                    }
                }
            }
        }
    }

    /** The parameter groups, live: their options can be read and set at run time. Mirrors {@code param_groups}. */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** The default options (PyTorch keys), read-only; mirrors {@code optimizer.defaults}. */
    public Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** The state of {@code param} (empty before its first update), read-only; mirrors {@code optimizer.state[param]}. */
    public Map<String, Object> state(Tensor param) {
        Map<String, Object> s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /**
     * Adds a group (e.g. layers unfrozen during fine-tuning); options it does not set come from the
     * defaults. Mirrors {@code add_param_group}. Parameters must be floating-point leaf tensors,
     * appear once, and not already belong to another group.
     */
    public void addParamGroup(ParamGroup group) {
        Objects.requireNonNull(group, name() + ".addParamGroup: group is null");
        if (group.owner() != null) {
            throw new IllegalArgumentException(name() + ".addParamGroup: this ParamGroup already belongs to "
                    + (group.owner() == this ? "this optimizer" : "another optimizer (" + group.owner().name() + ")"));
        }
        int gi = groups.size();
        IdentityHashMap<Tensor, Boolean> inGroup = new IdentityHashMap<>();
        IdentityHashMap<Tensor, Boolean> others = new IdentityHashMap<>();
        groups.forEach(g -> g.params().forEach(p -> others.put(p, true)));
        for (int i = 0; i < group.params().size(); i++) {
            checkParam(group.params().get(i), gi, i, inGroup, others);
        }
        for (Map.Entry<String, Object> e : group.options().entrySet()) {
            if (!defaults.containsKey(e.getKey()) && !SCHEDULER_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(name() + ": unknown option '" + e.getKey() + "' in param group " + gi
                        + " (options: " + String.join(", ", defaults.keySet()) + ")");
            }
            checkOption(e.getKey(), e.getValue());
        }
        defaults.forEach((k, v) -> {
            if (!group.has(k)) {
                group.putDefault(k, v);
            }
        });
        group.attach(this);
        groups.add(group);
    }

    private void checkParam(Tensor p, int gi, int i, Map<Tensor, Boolean> inGroup, Map<Tensor, Boolean> others) {
        String where = "parameter " + i + " of group " + gi;
        if (p == null) {
            throw new IllegalArgumentException(name() + ": " + where + " is null");
        }
        if (!p.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(name() + ": can only optimize floating-point tensors, but " + where
                    + " has dtype " + p.dtype());
        }
        if (!p.isLeaf() && !p.retainsGrad()) {
            throw new IllegalArgumentException(name() + ": can't optimize a non-leaf Tensor (" + where + ")");
        }
        if (inGroup.put(p, true) != null) {
            throw new IllegalArgumentException(name() + ": " + where + " appears twice in the group");
        }
        if (others.containsKey(p)) {
            throw new IllegalArgumentException(name() + ": some parameters appear in more than one parameter group ("
                    + where + ")");
        }
    }

    /** Type check against the default's kind, then the optimizer's range checks; unknown keys pass. */
    final void checkOption(String key, Object value) {
        Object d = defaults.get(key);
        if (d == null) {
            return;
        }
        if (d.getClass() != value.getClass() && !(d instanceof List && value instanceof List)) {
            throw new IllegalArgumentException(name() + ": option '" + key + "' must be a " + kind(d) + ", got "
                    + value + " (" + kind(value) + ")");
        }
        if (d instanceof List<?> dl && ((List<?>) value).size() != dl.size()) {
            throw new IllegalArgumentException(name() + ": option '" + key + "' must have " + dl.size()
                    + " values, got " + value);
        }
        checkValue(key, value);
    }

    private static String kind(Object v) {
        return v instanceof Boolean ? "boolean" : v instanceof List ? "list of numbers"
                : v instanceof Double ? "number" : v.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- state dict

    /**
     * A snapshot of the optimizer (tensors are copies); see the class comment for its layout.
     * Mirrors {@code optimizer.state_dict()} plus the optimizer's type name.
     */
    public LinkedHashMap<String, Object> stateDict() {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        out.put("type", name());
        LinkedHashMap<Integer, Map<String, Object>> packed = new LinkedHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int index = 0;
        try (NoGrad ignored = NoGrad.enter()) {
            for (ParamGroup g : groups) {
                LinkedHashMap<String, Object> pg = new LinkedHashMap<>(g.options());
                List<Integer> ids = new ArrayList<>();
                for (Tensor p : g.params()) {
                    Map<String, Object> s = state.get(p);
                    if (s != null && !s.isEmpty()) {
                        packed.put(index, copyState(s));
                    }
                    ids.add(index++);
                }
                pg.put("params", ids);
                packedGroups.add(pg);
            }
        }
        out.put("state", packed);
        out.put("param_groups", packedGroups);
        return out;
    }

    private static LinkedHashMap<String, Object> copyState(Map<String, Object> s) {
        LinkedHashMap<String, Object> c = new LinkedHashMap<>();
        s.forEach((k, v) -> c.put(k, v instanceof Tensor t ? t.clone() : v));
        return c;
    }

    /**
     * Restores a state saved by {@link #stateDict()} of the same optimizer type over parameters of
     * the same shapes, in the same groups; mirrors {@code load_state_dict}. Checks the type name,
     * the number of groups and of parameters per group, option values and state tensor shapes;
     * on any error nothing is loaded. Floating state tensors are cast to their parameter's dtype.
     */
    public void loadStateDict(Map<String, ?> stateDict) {
        String where = name() + ".loadStateDict: ";
        Object type = stateDict.get("type");
        if (!name().equals(type)) {
            throw new IllegalArgumentException(where + "the state dict was saved from "
                    + (type == null ? "an optimizer of unknown type (no \"type\" entry)" : "optimizer " + type)
                    + ", this optimizer is " + name());
        }
        if (!(stateDict.get("param_groups") instanceof List<?> savedGroups)) {
            throw new IllegalArgumentException(where + "missing \"param_groups\" list");
        }
        if (savedGroups.size() != groups.size()) {
            throw new IllegalArgumentException(where + "loaded state dict has a different number of parameter groups ("
                    + savedGroups.size() + ") than the optimizer (" + groups.size() + ")");
        }
        List<Tensor> flat = new ArrayList<>();
        List<Map<String, Object>> newOptions = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            newOptions.add(loadGroup(where, gi, savedGroups.get(gi)));
            flat.addAll(groups.get(gi).params());
        }
        Object savedState = stateDict.get("state");
        if (!(savedState instanceof Map<?, ?> states)) {
            throw new IllegalArgumentException(where + "missing \"state\" map");
        }
        IdentityHashMap<Tensor, Map<String, Object>> newState = new IdentityHashMap<>();
        try (NoGrad ignored = NoGrad.enter()) {
            for (Map.Entry<?, ?> e : new TreeMap<>(indexed(where, states, flat.size())).entrySet()) {
                int i = (Integer) e.getKey();
                newState.put(flat.get(i), loadParamState(where, i, flat.get(i), e.getValue()));
            }
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            groups.get(gi).replaceOptions(newOptions.get(gi));
        }
        state.clear();
        state.putAll(newState);
    }

    private Map<String, Object> loadGroup(String where, int gi, Object saved) {
        if (!(saved instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + "param_groups[" + gi + "] is not a map: " + saved);
        }
        int expected = groups.get(gi).params().size();
        if (!(m.get("params") instanceof List<?> ids) || ids.size() != expected) {
            Object ids = m.get("params");
            throw new IllegalArgumentException(where + "loaded state dict contains a parameter group that doesn't "
                    + "match the size of optimizer's group: group " + gi + " has " + expected + " parameters, the "
                    + "saved one " + (ids instanceof List<?> l ? l.size() : "none (no \"params\" list)"));
        }
        LinkedHashMap<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("params")) {
                continue;
            }
            if (defaults.containsKey(key) || SCHEDULER_KEYS.contains(key)) {
                Object v = ParamGroup.normalize(key, e.getValue());
                checkOption(key, v);
                options.put(key, v);
            } else {
                // Other keys (PyTorch's foreach=None, differentiable, ...) are kept as saved, like PyTorch does.
                options.put(key, e.getValue());
            }
        }
        for (String k : defaults.keySet()) {
            if (!options.containsKey(k)) {
                throw new IllegalArgumentException(where + "param_groups[" + gi + "] has no option '" + k + "'");
            }
        }
        return options;
    }

    private static Map<Integer, Object> indexed(String where, Map<?, ?> states, int count) {
        Map<Integer, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : states.entrySet()) {
            int i;
            try {
                i = e.getKey() instanceof Number n ? Math.toIntExact(n.longValue())
                        : Integer.parseInt(String.valueOf(e.getKey()));
            } catch (NumberFormatException | ArithmeticException ex) {
                throw new IllegalArgumentException(where + "state key '" + e.getKey() + "' is not a parameter index");
            }
            if (i < 0 || i >= count) {
                throw new IllegalArgumentException(where + "state for parameter index " + i + " but the optimizer has "
                        + count + " parameters");
            }
            out.put(i, e.getValue());
        }
        return out;
    }

    private Map<String, Object> loadParamState(String where, int i, Tensor param, Object saved) {
        if (!(saved instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + "state of parameter " + i + " is not a map: " + saved);
        }
        LinkedHashMap<String, Object> s = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (key.equals("step")) {
                s.put(key, v instanceof Tensor t ? Math.round(t.item()) : ((Number) v).longValue());
            } else if (v instanceof Tensor t) {
                if (!Arrays.equals(t.shape(), param.shape())) {
                    throw new IllegalArgumentException(where + "state '" + key + "' of parameter " + i + " has shape "
                            + Arrays.toString(t.shape()) + " but the parameter has shape "
                            + Arrays.toString(param.shape()));
                }
                s.put(key, t.dtype().isFloatingPoint() ? t.to(param.dtype()).clone() : t.clone());
            } else if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
                s.put(key, v);
            } else {
                throw new IllegalArgumentException(where + "state '" + key + "' of parameter " + i
                        + " must be a Tensor or a number, got " + v.getClass().getSimpleName());
            }
        }
        return s;
    }

    /** PyTorch's repr: {@code SGD (\nParameter Group 0\n    lr: 0.1\n ...)}, keys sorted. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append(" (");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("\nParameter Group ").append(i).append('\n');
            new TreeMap<>(groups.get(i).options()).forEach((k, v) -> sb.append("    ").append(k).append(": ")
                    .append(v instanceof Boolean b ? (b ? "True" : "False") : v).append('\n'));
        }
        return sb.append(')').toString();
    }
}
