package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.Device;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Base class of all network layers and models; mirrors {@code torch.nn.Module}.
 *
 * <pre>{@code
 * class Net extends Module {
 *     final Linear fc1 = registerModule("fc1", new Linear(784, 128));
 *     final Linear fc2 = registerModule("fc2", new Linear(128, 10));
 *     public Tensor forward(Tensor x) {
 *         return fc2.forward(Functional.relu(fc1.forward(x)));
 *     }
 * }
 * }</pre>
 * Parameters, buffers and children are registered by name (Java has no {@code __setattr__}) and
 * kept in registration order, which fixes the order of {@link #parameters()} and the dotted keys
 * of {@link #stateDict()} ({@code features.0.weight}).
 */
public abstract class Module {
    private final LinkedHashMap<String, Tensor> parameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistent = new LinkedHashSet<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes the module's output; mirrors {@code module(x)} / {@code forward(x)}. */
    public abstract Tensor forward(Tensor input);

    // ---------------------------------------------------------------- registration

    /**
     * Registers {@code value} (made a leaf requiring grad) as parameter {@code name}; {@code null}
     * registers an absent parameter (like {@code bias=None}). Returns {@code value}.
     */
    protected Tensor registerParameter(String name, Tensor value) {
        checkName(name, "parameter");
        if (value != null) {
            if (!value.isLeaf()) {
                throw new IllegalArgumentException("registerParameter(\"" + name + "\"): a parameter must be a leaf "
                        + "tensor (create it directly or use .detach())");
            }
            if (!value.requiresGrad()) {
                value.requiresGrad_(true);
            }
        }
        parameters.put(name, value);
        return value;
    }

    /** Registers a persistent buffer (saved in the state_dict, not trained); mirrors {@code register_buffer}. */
    protected Tensor registerBuffer(String name, Tensor value) {
        return registerBuffer(name, value, true);
    }

    /** Registers a buffer; non-persistent buffers are left out of {@link #stateDict()}. */
    protected Tensor registerBuffer(String name, Tensor value, boolean persistent) {
        checkName(name, "buffer");
        buffers.put(name, value);
        if (!persistent) {
            nonPersistent.add(name);
        }
        return value;
    }

    /** Registers a child module; mirrors assigning a module attribute ({@code add_module}). Returns it. */
    protected <M extends Module> M registerModule(String name, M module) {
        checkName(name, "module");
        if (module == this) {
            throw new IllegalArgumentException("registerModule(\"" + name + "\"): a module cannot contain itself");
        }
        children.put(name, module);
        return module;
    }

    private void checkName(String name, String kind) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("register " + kind + ": name must be non-empty and contain no '.', got '"
                    + name + "'");
        }
        boolean taken = (parameters.containsKey(name) && !kind.equals("parameter"))
                || (buffers.containsKey(name) && !kind.equals("buffer"))
                || (children.containsKey(name) && !kind.equals("module"));
        if (taken) {
            throw new IllegalArgumentException("register " + kind + ": attribute '" + name + "' already exists in "
                    + name());
        }
    }

    /** Replaces a registered child (e.g. swapping a head); mirrors assigning {@code model.fc = ...}. */
    public void setModule(String name, Module module) {
        if (!children.containsKey(name)) {
            throw new IllegalArgumentException("setModule: " + name() + " has no child '" + name + "' (children: "
                    + children.keySet() + ")");
        }
        children.put(name, module);
    }

    // ---------------------------------------------------------------- traversal

    /** Parameters of this module and its descendants, each once; mirrors {@code parameters()}. */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Dotted name -> parameter, each tensor once (first name wins); mirrors {@code named_parameters()}. */
    public LinkedHashMap<String, Tensor> namedParameters() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            m.getValue().parameters.forEach((k, v) -> {
                if (v != null && seen.put(v, Boolean.TRUE) == null) {
                    out.put(prefix + k, v);
                }
            });
        }
        return out;
    }

    /** Buffers of this module and its descendants; mirrors {@code buffers()}. */
    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /** Dotted name -> buffer; mirrors {@code named_buffers()}. */
    public LinkedHashMap<String, Tensor> namedBuffers() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            m.getValue().buffers.forEach((k, v) -> {
                if (v != null) {
                    out.put(prefix + k, v);
                }
            });
        }
        return out;
    }

    /** Direct children in registration order; mirrors {@code children()}. */
    public List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /** Name -> direct child; mirrors {@code named_children()}. */
    public LinkedHashMap<String, Module> namedChildren() {
        return new LinkedHashMap<>(children);
    }

    /** This module and all descendants, depth first, each once; mirrors {@code modules()}. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** Dotted name -> module, this one as {@code ""}; mirrors {@code named_modules()}. */
    public LinkedHashMap<String, Module> namedModules() {
        LinkedHashMap<String, Module> out = new LinkedHashMap<>();
        collect("", this, out, new IdentityHashMap<>());
        return out;
    }

    private static void collect(String prefix, Module m, Map<String, Module> out, Map<Module, Boolean> seen) {
        if (seen.put(m, Boolean.TRUE) != null) {
            return;
        }
        out.put(prefix, m);
        m.children.forEach((k, child) -> {
            if (child != null) {
                collect(prefix.isEmpty() ? k : prefix + "." + k, child, out, seen);
            }
        });
    }

    /** Runs {@code fn} on every descendant, then on this module; mirrors {@code apply(fn)} (e.g. per-type init). */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children.values()) {
            if (c != null) {
                c.apply(fn);
            }
        }
        fn.accept(this);
        return this;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** Sets training mode here and below; mirrors {@code train(mode)}. */
    public Module train(boolean mode) {
        for (Module m : modules()) {
            m.training = mode;
        }
        return this;
    }

    /** Training mode; mirrors {@code train()}. */
    public Module train() {
        return train(true);
    }

    /** Evaluation mode (dropout off, batch norm uses running stats); mirrors {@code eval()}. */
    public Module eval() {
        return train(false);
    }

    /** {@code true} in training mode; mirrors {@code module.training}. */
    public boolean isTraining() {
        return training;
    }

    /** Clears the gradients of all parameters (to null); mirrors {@code zero_grad()} (set_to_none=True). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Clears gradients: to null, or to zeros in place. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            if (p.grad() != null) {
                if (setToNone) {
                    p.setGrad(null);
                } else {
                    try (NoGrad ignored = NoGrad.enter()) {
                        p.grad().zero_();
                    }
                }
            }
        }
    }

    /** Freezes ({@code false}) or unfreezes all parameters; mirrors {@code requires_grad_()}. */
    public Module requiresGrad_(boolean requiresGrad) {
        for (Tensor p : parameters()) {
            p.requiresGrad_(requiresGrad);
        }
        return this;
    }

    /** Moves to {@code device}; this build has one device, so any other is an error. Mirrors {@code to(device)}. */
    public Module to(Device device) {
        device.requireAvailable();
        return this;
    }

    /** Converts floating parameters and buffers to {@code dtype} in place (identities kept); mirrors {@code to(dtype)}. */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to: only floating dtypes are accepted, got " + dtype);
        }
        try (NoGrad ignored = NoGrad.enter()) {
            for (Tensor t : parameters()) {
                if (t.dtype().isFloatingPoint() && t.dtype() != dtype) {
                    t.setData(t.to(dtype));
                    if (t.grad() != null) {
                        t.setGrad(t.grad().to(dtype));
                    }
                }
            }
            for (Tensor t : buffers()) {
                if (t.dtype().isFloatingPoint() && t.dtype() != dtype) {
                    t.setData(t.to(dtype));
                }
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * Parameters and persistent buffers by dotted name, in registration order, detached (sharing
     * storage); mirrors {@code state_dict()}.
     */
    public LinkedHashMap<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            Module mod = m.getValue();
            mod.parameters.forEach((k, v) -> {
                if (v != null) {
                    out.put(prefix + k, v.detach());
                }
            });
            mod.buffers.forEach((k, v) -> {
                if (v != null && !mod.nonPersistent.contains(k)) {
                    out.put(prefix + k, v.detach());
                }
            });
        }
        return out;
    }

    /**
     * Copies values from {@code stateDict} into this module's parameters and buffers (identities kept,
     * dtypes converted); mirrors {@code load_state_dict(state_dict, strict)}. Returns the missing,
     * unexpected and shape-mismatched keys. With {@code strict}, any of those is an error listing
     * all of them, and nothing is loaded; without, matching keys load and the rest is reported.
     */
    public LoadResult loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        LinkedHashMap<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = stateDict.get(e.getKey());
            if (given == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(given.shape(), e.getValue().shape())) {
                mismatched.add(e.getKey() + ": copying a param with shape " + Arrays.toString(given.shape())
                        + " from the state_dict, the shape in the current model is "
                        + Arrays.toString(e.getValue().shape()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String k : stateDict.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        LoadResult result = new LoadResult(missing, unexpected, mismatched);
        if (strict && !result.isClean()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name() + ":" + result.describe()
                    + "\nNothing was loaded.");
        }
        try (NoGrad ignored = NoGrad.enter()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor given = stateDict.get(e.getKey());
                if (given != null && Arrays.equals(given.shape(), e.getValue().shape())) {
                    e.getValue().copy_(given);
                }
            }
        }
        return result;
    }

    /** What {@link #loadStateDict} found; mirrors PyTorch's {@code _IncompatibleKeys} plus size mismatches. */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys, List<String> shapeMismatches) {
        public LoadResult {
            missingKeys = Collections.unmodifiableList(missingKeys);
            unexpectedKeys = Collections.unmodifiableList(unexpectedKeys);
            shapeMismatches = Collections.unmodifiableList(shapeMismatches);
        }

        /** {@code true} when every key matched. */
        public boolean isClean() {
            return missingKeys.isEmpty() && unexpectedKeys.isEmpty() && shapeMismatches.isEmpty();
        }

        /** PyTorch-style text of the problems (empty when clean). */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            if (!missingKeys.isEmpty()) {
                sb.append("\n\tMissing key(s) in state_dict: ").append(quoted(missingKeys)).append('.');
            }
            if (!unexpectedKeys.isEmpty()) {
                sb.append("\n\tUnexpected key(s) in state_dict: ").append(quoted(unexpectedKeys)).append('.');
            }
            for (String m : shapeMismatches) {
                sb.append("\n\tsize mismatch for ").append(m).append('.');
            }
            return sb.toString();
        }

        private static String quoted(List<String> keys) {
            return String.join(", ", keys.stream().map(k -> '"' + k + '"').toList());
        }
    }

    // ---------------------------------------------------------------- printing

    /** The name printed by {@link #toString()}: the class's simple name. */
    protected String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? "Module" : n;
    }

    /** One-line description of this module's settings, e.g. {@code in_features=3, out_features=2, bias=True}; mirrors {@code extra_repr()}. */
    protected String extraRepr() {
        return "";
    }

    /** The module tree as PyTorch's {@code print(net)} prints it. */
    @Override
    public String toString() {
        List<String> extraLines = extraRepr().isEmpty() ? List.of() : List.of(extraRepr().split("\n"));
        List<String> childLines = new ArrayList<>();
        children.forEach((k, m) -> childLines.add("(" + k + "): " + indent(String.valueOf(m), 2)));
        List<String> lines = new ArrayList<>(extraLines);
        lines.addAll(childLines);
        StringBuilder sb = new StringBuilder(name()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) {
                sb.append(extraLines.get(0));
            } else {
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    private static String indent(String s, int n) {
        String[] parts = s.split("\n", -1);
        if (parts.length == 1) {
            return s;
        }
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append('\n').append(" ".repeat(n)).append(parts[i]);
        }
        return sb.toString();
    }

    /** PyTorch's spelling of a Java boolean in reprs. */
    protected static String py(boolean b) {
        return b ? "True" : "False";
    }
}
