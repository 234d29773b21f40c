package dev.ember.parity;

import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parity case: a TF side on the real runtime and an engine side, run on the same seeded inputs,
 * their named outputs and gradients compared under a {@link TolerancePolicy}.
 *
 * <pre>{@code
 * ParityResult r = Parity.named("matmul_relu")
 *         .seed(7)
 *         .input("x", Input.float32(4, 3).normal(0, 1))
 *         .input("w", Input.float32(3, 5))
 *         .gradients("loss", "x", "w")                  // compares dloss/dx and dloss/dw too
 *         .tf(tfSide)                                    // e.g. a TfGraphSide
 *         .engine(EngineSide.of(in -> { ... return Map.of("y", y, "loss", loss); }))
 *         .run();
 * assertThatParity(r).passes();
 * }</pre>
 *
 * <p>Inputs are drawn once, when the case is built, and every {@link #run()} feeds fresh tensors with
 * those values to both sides. Both sides must return the same names: a name on one side only fails
 * as missing. When the case fails (or always, see {@link Intermediates}) the harness re-runs both
 * sides collecting per-layer intermediates and reports the first layer that diverges.
 */
public final class Parity {

    /** When intermediates are compared. */
    public enum Intermediates {
        /** Re-run with intermediates only when an output or gradient fails (default). */
        ON_FAILURE,
        /** Always compare intermediates (e.g. to plot the error per layer of a passing model). */
        ALWAYS,
        /** Never. */
        NEVER
    }

    private final String name;
    private final long seed;
    private final Map<String, Input> inputs;
    private final Map<String, HostTensor> values;
    private final Map<String, Layout> layouts;
    private final String scalar;
    private final List<String> wrt;
    private final TolerancePolicy policy;
    private final TfSide tf;
    private final EngineSide engine;
    private final Intermediates intermediates;

    private Parity(Builder b) {
        this.name = b.name;
        this.seed = b.seed;
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputs));
        this.layouts = Map.copyOf(b.layouts);
        this.scalar = b.scalar;
        this.wrt = List.copyOf(b.wrt);
        this.policy = b.policy;
        this.tf = b.tf;
        this.engine = b.engine;
        this.intermediates = b.intermediates;
        Map<String, HostTensor> v = new LinkedHashMap<>();
        inputs.forEach((n, in) -> v.put(n, in.generate(seed, n)));
        this.values = Collections.unmodifiableMap(v);
    }

    /** Starts a case called {@code caseName} (used in paths and reports). */
    public static Builder named(String caseName) {
        return new Builder(caseName);
    }

    /** The name of a gradient: {@code d<scalar>/d<wrt>}, e.g. {@code dloss/dw}. */
    public static String gradientName(String scalar, String wrt) {
        return "d" + scalar + "/d" + wrt;
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    /** The declared inputs, in declaration order. */
    public Map<String, Input> inputs() {
        return inputs;
    }

    /** The values of input {@code name} as given to the TF side (TF layout), e.g. to build TF constants. */
    public Tensor inputValues(String inputName) {
        HostTensor h = values.get(inputName);
        if (h == null) {
            throw new IllegalArgumentException("case '" + name + "' has no input '" + inputName + "'; inputs: "
                    + inputs.keySet());
        }
        return h.toEngine();
    }

    /** Runs both sides, compares outputs and gradients, and localises a failure when intermediates exist. */
    public ParityResult run() {
        Map<String, HostTensor> tfOut = runTf();
        Map<String, HostTensor> engineOut = runEngine();
        List<TensorComparison> comparisons = new ArrayList<>();
        Set<String> gradNames = new LinkedHashSet<>();
        wrt.forEach(w -> gradNames.add(gradientName(scalar, w)));
        Set<String> outNames = new LinkedHashSet<>(engineOut.keySet());
        outNames.addAll(tfOut.keySet());
        outNames.removeAll(gradNames);
        for (String n : outNames) {
            comparisons.add(TensorComparison.compare(name, TensorComparison.Kind.OUTPUT, n, layoutOf(n), policy,
                    tfOut.get(n), engineOut.get(n)));
        }
        for (String g : gradNames) {
            comparisons.add(TensorComparison.compare(name, TensorComparison.Kind.GRADIENT, g, layoutOf(g), policy,
                    tfOut.get(g), engineOut.get(g)));
        }
        boolean failed = comparisons.stream().anyMatch(c -> !c.passed());
        Localisation loc = intermediates == Intermediates.ALWAYS || (failed && intermediates == Intermediates.ON_FAILURE)
                ? localise().orElse(null) : null;
        ParityResult result = new ParityResult(name, seed, inputs, comparisons, loc);
        ParityRecorder.publish(result);
        return result;
    }

    /**
     * Re-runs both sides collecting intermediates ({@link TfSide#intermediates}, the engine's
     * {@link Trace}) and compares those matched by name in the engine's layer order; empty when
     * neither side exposes any.
     */
    public Optional<Localisation> localise() {
        Map<String, HostTensor> tfLayers = withTfInputs(tf::intermediates, "TF side intermediates");
        RecordingTrace trace = new RecordingTrace();
        runEngineSide(engineInputs(false), trace);
        Map<String, HostTensor> engineLayers = trace.recorded();
        if (tfLayers.isEmpty() && engineLayers.isEmpty()) {
            return Optional.empty();
        }
        List<TensorComparison> layers = new ArrayList<>();
        List<String> engineOnly = new ArrayList<>();
        for (Map.Entry<String, HostTensor> e : engineLayers.entrySet()) {
            HostTensor t = tfLayers.get(e.getKey());
            if (t == null) {
                engineOnly.add(e.getKey());
            } else {
                layers.add(TensorComparison.compare(name, TensorComparison.Kind.INTERMEDIATE, e.getKey(),
                        layoutOf(e.getKey()), policy, t, e.getValue()));
            }
        }
        List<String> tfOnly = new ArrayList<>(tfLayers.keySet());
        tfOnly.removeAll(engineLayers.keySet());
        return Optional.of(new Localisation(layers, engineOnly, tfOnly));
    }

    private Layout layoutOf(String tensor) {
        Layout l = layouts.get(tensor);
        if (l != null) {
            return l;
        }
        for (String w : wrt) {
            if (gradientName(scalar, w).equals(tensor)) {
                Input in = inputs.get(w);
                return in != null ? in.layout() : layouts.getOrDefault(w, Layout.NONE);
            }
        }
        return Layout.NONE;
    }

    // ---------------------------------------------------------------- the two sides

    private Map<String, HostTensor> runTf() {
        return withTfInputs(tf::run, "TF side");
    }

    private Map<String, HostTensor> withTfInputs(
            java.util.function.Function<Map<String, org.tensorflow.Tensor>, Map<String, org.tensorflow.Tensor>> fn,
            String what) {
        Map<String, org.tensorflow.Tensor> feeds = new LinkedHashMap<>();
        Map<String, org.tensorflow.Tensor> out = null;
        try {
            values.forEach((n, v) -> feeds.put(n, v.toTf()));
            try {
                out = fn.apply(Collections.unmodifiableMap(feeds));
            } catch (RuntimeException e) {
                throw new IllegalStateException(what + " of case '" + name + "' failed: " + e, e);
            }
            if (out == null) {
                throw new IllegalStateException(what + " of case '" + name + "' returned null");
            }
            Map<String, HostTensor> host = new LinkedHashMap<>();
            for (Map.Entry<String, org.tensorflow.Tensor> e : out.entrySet()) {
                host.put(e.getKey(), HostTensor.fromTf(what + " '" + e.getKey() + "' of case '" + name + "'",
                        e.getValue()));
            }
            return host;
        } finally {
            Map<org.tensorflow.Tensor, Boolean> toClose = new IdentityHashMap<>();
            feeds.values().forEach(t -> toClose.put(t, true));
            if (out != null) {
                out.values().forEach(t -> toClose.put(t, true));
            }
            toClose.keySet().forEach(org.tensorflow.Tensor::close);
        }
    }

    private Map<String, Tensor> engineInputs(boolean forGradients) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        values.forEach((n, v) -> {
            Tensor t = v.toEngineLayout(inputs.get(n).layout()).toEngine();
            in.put(n, forGradients && wrt.contains(n) ? t.requiresGrad_(true) : t);
        });
        return in;
    }

    private Map<String, HostTensor> runEngine() {
        Map<String, Tensor> in = engineInputs(true);
        Map<String, Tensor> out = runEngineSide(in, Trace.NONE);
        Map<String, Tensor> all = new LinkedHashMap<>(out);
        if (scalar != null && out.containsKey(scalar)) {
            Map<String, Tensor> params = engine.parameters();
            Map<String, Tensor> targets = new LinkedHashMap<>();
            for (String w : wrt) {
                targets.put(w, in.containsKey(w) ? in.get(w) : params.get(w));
                if (out.containsKey(gradientName(scalar, w))) {
                    throw new IllegalArgumentException("engine side of case '" + name + "' returned '"
                            + gradientName(scalar, w) + "', a name the harness computes for the declared gradient");
                }
            }
            all.putAll(EngineGradients.grad(scalar, out.get(scalar), targets));
        }
        Map<String, HostTensor> host = new LinkedHashMap<>();
        all.forEach((n, t) -> host.put(n, HostTensor.fromEngine("engine side '" + n + "' of case '" + name + "'", t)));
        return host;
    }

    private Map<String, Tensor> runEngineSide(Map<String, Tensor> in, Trace trace) {
        Map<String, Tensor> out;
        try {
            out = engine.run(Collections.unmodifiableMap(in), trace);
        } catch (RuntimeException e) {
            throw new IllegalStateException("engine side of case '" + name + "' failed: " + e, e);
        }
        if (out == null) {
            throw new IllegalStateException("engine side of case '" + name + "' returned null");
        }
        return out;
    }

    /** Collects the engine's intermediates as host copies, in record order. */
    private static final class RecordingTrace implements Trace {
        private final Map<String, HostTensor> recorded = new LinkedHashMap<>();

        @Override
        public Tensor record(String name, Tensor t) {
            if (recorded.containsKey(name)) {
                throw new IllegalArgumentException("Trace: intermediate '" + name + "' recorded twice; names must be "
                        + "unique per run");
            }
            recorded.put(name, HostTensor.fromEngine("engine intermediate '" + name + "'", t));
            return t;
        }

        Map<String, HostTensor> recorded() {
            return recorded;
        }
    }

    /** Declares a case; {@link #build()} draws the inputs. */
    public static final class Builder {
        private final String name;
        private long seed;
        private final Map<String, Input> inputs = new LinkedHashMap<>();
        private final Map<String, Layout> layouts = new LinkedHashMap<>();
        private String scalar;
        private final List<String> wrt = new ArrayList<>();
        private TolerancePolicy policy = TolerancePolicy.defaults();
        private TfSide tf;
        private EngineSide engine;
        private Intermediates intermediates = Intermediates.ON_FAILURE;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Parity.named: a case needs a name");
            }
            this.name = name;
        }

        /** The seed the inputs are drawn from (default 0); printed in every result. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Declares input {@code name} (fed to TF as-is, to the engine in {@code input.layout()}). */
        public Builder input(String name, Input input) {
            if (name == null || name.isBlank() || input == null) {
                throw new IllegalArgumentException("Parity.input: name and input are required, got " + name + ", "
                        + input);
            }
            if (inputs.putIfAbsent(name, input) != null) {
                throw new IllegalArgumentException("Parity.input: input '" + name + "' declared twice in case '"
                        + this.name + "'");
            }
            return this;
        }

        /**
         * The layout of the output, intermediate or gradient {@code tensor}, or of the engine parameter
         * {@code tensor} (its gradient inherits it, as an input's gradient inherits the input's).
         */
        public Builder layout(String tensor, Layout layout) {
            if (tensor == null || layout == null) {
                throw new IllegalArgumentException("Parity.layout: tensor name and layout are required");
            }
            layouts.put(tensor, layout);
            return this;
        }

        /** Compares {@code d<scalar>/d<name>} for each of {@code wrt} (inputs or engine parameters). */
        public Builder gradients(String scalar, String... wrt) {
            if (scalar == null || scalar.isBlank() || wrt.length == 0) {
                throw new IllegalArgumentException("Parity.gradients: need a scalar output name and at least one "
                        + "input or parameter name");
            }
            this.scalar = scalar;
            this.wrt.clear();
            this.wrt.addAll(List.of(wrt));
            return this;
        }

        /** The tolerance policy (default {@link TolerancePolicy#defaults()}). */
        public Builder tolerance(TolerancePolicy policy) {
            if (policy == null) {
                throw new IllegalArgumentException("Parity.tolerance: policy is null");
            }
            this.policy = policy;
            return this;
        }

        /** A case-wide override for floating-point tensors; the reason is required. */
        public Builder tolerance(double atol, double rtol, String reason) {
            this.policy = policy.caseOverride(atol, rtol, reason);
            return this;
        }

        /** An override for the tensor {@code tensor}; the reason is required. */
        public Builder tolerance(String tensor, double atol, double rtol, String reason) {
            this.policy = policy.tensorOverride(tensor, atol, rtol, reason);
            return this;
        }

        public Builder tf(TfSide tf) {
            this.tf = tf;
            return this;
        }

        public Builder engine(EngineSide engine) {
            this.engine = engine;
            return this;
        }

        /** When intermediates are compared (default {@link Intermediates#ON_FAILURE}). */
        public Builder intermediates(Intermediates mode) {
            this.intermediates = mode;
            return this;
        }

        /** Validates the declaration and draws the inputs. */
        public Parity build() {
            if (tf == null || engine == null) {
                throw new IllegalArgumentException("case '" + name + "' needs both a TF side (tf(...)) and an engine "
                        + "side (engine(...))");
            }
            Set<String> params = engine.parameters().keySet();
            for (String w : wrt) {
                Input in = inputs.get(w);
                if (in == null && !params.contains(w)) {
                    throw new IllegalArgumentException("case '" + name + "': gradient target '" + w + "' is neither an "
                            + "input " + inputs.keySet() + " nor an engine parameter " + params);
                }
                if (in != null && !in.dtype().isFloatingPoint()) {
                    throw new IllegalArgumentException("case '" + name + "': cannot take gradients with respect to '" + w
                            + "', a " + in.dtype() + " input");
                }
            }
            return new Parity(this);
        }

        /** {@code build().run()}. */
        public ParityResult run() {
            return build().run();
        }
    }
}
