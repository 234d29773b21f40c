package dev.ember.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TType;

/**
 * A {@link TfSide} for the usual TF-Java program: a {@link Graph} with placeholders, built once, and a
 * {@link Session} fed and fetched by name on every run. Close it when the test class is done.
 *
 * <pre>{@code
 * TfGraphSide tf = TfGraphSide.build(b -> {
 *     Ops ops = b.tf();
 *     var x = b.placeholder("x", TFloat32.class);
 *     var w = b.placeholder("w", TFloat32.class);
 *     var y = ops.nn.relu(ops.linalg.matMul(x, w));
 *     var loss = ops.reduceSum(ops.math.square(y), ops.constant(new int[] {0, 1}));
 *     b.output("y", y).output("loss", loss).gradients("loss", loss, "x", "w");   // dloss/dx, dloss/dw
 * });
 * }</pre>
 */
public final class TfGraphSide implements TfSide, AutoCloseable {

    /** Builds the graph through a {@link Builder}. */
    @FunctionalInterface
    public interface Definition {
        void define(Builder b);
    }

    private final Graph graph;
    private final Session session;
    private final Map<String, Operand<?>> placeholders;
    private final Map<String, Output<?>> outputs;
    private final Map<String, Output<?>> intermediates;

    private TfGraphSide(Graph graph, Builder b) {
        this.graph = graph;
        this.placeholders = Map.copyOf(b.placeholders);
        this.outputs = new LinkedHashMap<>(b.outputs);
        this.intermediates = new LinkedHashMap<>(b.intermediates);
        this.session = new Session(graph);
    }

    /** Builds the graph once with {@code definition} and opens a session on it. */
    public static TfGraphSide build(Definition definition) {
        Graph g = new Graph();
        try {
            Builder b = new Builder(g);
            definition.define(b);
            if (b.outputs.isEmpty()) {
                throw new IllegalArgumentException("TfGraphSide: the definition declared no output (Builder.output)");
            }
            return new TfGraphSide(g, b);
        } catch (RuntimeException | Error e) {
            g.close();
            throw e;
        }
    }

    /** The graph (e.g. to export it as a SavedModel). */
    public Graph graph() {
        return graph;
    }

    /** The session running the graph. */
    public Session session() {
        return session;
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        return fetch(inputs, outputs);
    }

    @Override
    public Map<String, Tensor> intermediates(Map<String, Tensor> inputs) {
        return intermediates.isEmpty() ? Map.of() : fetch(inputs, intermediates);
    }

    private Map<String, Tensor> fetch(Map<String, Tensor> inputs, Map<String, Output<?>> fetches) {
        for (String name : inputs.keySet()) {
            if (!placeholders.containsKey(name)) {
                throw new IllegalArgumentException("TfGraphSide: input '" + name + "' has no placeholder in the graph; "
                        + "placeholders: " + placeholders.keySet());
            }
        }
        Session.Runner runner = session.runner();
        for (Map.Entry<String, Operand<?>> p : placeholders.entrySet()) {
            Tensor t = inputs.get(p.getKey());
            if (t == null) {
                throw new IllegalArgumentException("TfGraphSide: placeholder '" + p.getKey() + "' is not fed; inputs: "
                        + inputs.keySet());
            }
            runner.feed(p.getValue(), t);
        }
        // A tensor fetched under two names is fetched once (TF-Java refuses a repeated fetch); both names
        // then return the same Tensor, which the harness closes once.
        List<Output<?>> distinct = new ArrayList<>();
        for (Output<?> o : fetches.values()) {
            if (!distinct.contains(o)) {
                distinct.add(o);
                runner.fetch(o);
            }
        }
        // Not closed on purpose: the harness copies and closes each returned tensor.
        Result result = runner.run();
        Map<String, Tensor> out = new LinkedHashMap<>();
        fetches.forEach((name, o) -> out.put(name, result.get(distinct.indexOf(o))));
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }

    /** Declares placeholders, outputs, intermediates and gradients while the graph is built. */
    public static final class Builder {
        private final Graph graph;
        private final Ops tf;
        private final Map<String, Operand<?>> placeholders = new LinkedHashMap<>();
        private final Map<String, Operand<?>> parameters = new LinkedHashMap<>();
        private final Map<String, Output<?>> outputs = new LinkedHashMap<>();
        private final Map<String, Output<?>> intermediates = new LinkedHashMap<>();

        private Builder(Graph graph) {
            this.graph = graph;
            this.tf = Ops.create(graph);
        }

        public Graph graph() {
            return graph;
        }

        /** {@code Ops.create(graph)}. */
        public Ops tf() {
            return tf;
        }

        /** A placeholder of unknown shape fed with the input {@code inputName}. */
        public <T extends TType> Placeholder<T> placeholder(String inputName, Class<T> type) {
            return register(inputName, tf.placeholder(type));
        }

        /** A placeholder of {@code shape} (TF layout) fed with the input {@code inputName}. */
        public <T extends TType> Placeholder<T> placeholder(String inputName, Class<T> type, long... shape) {
            return register(inputName, tf.placeholder(type, Placeholder.shape(Shape.of(shape))));
        }

        private <T extends TType> Placeholder<T> register(String name, Placeholder<T> p) {
            unique(name, placeholders.containsKey(name) || parameters.containsKey(name), "placeholder/parameter");
            placeholders.put(name, p);
            return p;
        }

        /** Names a graph tensor (a variable, a constant) that gradients may be taken with respect to. */
        public Builder parameter(String name, Operand<?> operand) {
            unique(name, placeholders.containsKey(name) || parameters.containsKey(name), "placeholder/parameter");
            parameters.put(name, operand);
            return this;
        }

        /** Fetches {@code operand} as the output {@code name}. */
        public Builder output(String name, Operand<?> operand) {
            unique(name, outputs.containsKey(name), "output");
            outputs.put(name, operand.asOutput());
            return this;
        }

        /** Fetches {@code operand} as the intermediate {@code name} when a failure is localised; call in layer order. */
        public Builder intermediate(String name, Operand<?> operand) {
            unique(name, intermediates.containsKey(name), "intermediate");
            intermediates.put(name, operand.asOutput());
            return this;
        }

        /**
         * Adds {@code Graph.addGradients(scalar, wrt)} and fetches each gradient as the output
         * {@code d<scalarName>/d<name>}; {@code wrt} names placeholders or {@link #parameter}s.
         */
        public Builder gradients(String scalarName, Operand<?> scalar, String... wrt) {
            if (wrt.length == 0) {
                throw new IllegalArgumentException("TfGraphSide.gradients: no tensor to differentiate '" + scalarName
                        + "' with respect to");
            }
            // Each distinct tensor is given to addGradients once: TF answers a repeated one with a null
            // handle, so two names for one tensor (e.g. one TF bias that becomes two engine tensors)
            // share its gradient.
            List<Output<?>> xs = new ArrayList<>();
            int[] slot = new int[wrt.length];
            for (int i = 0; i < wrt.length; i++) {
                Operand<?> x = placeholders.containsKey(wrt[i]) ? placeholders.get(wrt[i]) : parameters.get(wrt[i]);
                if (x == null) {
                    throw new IllegalArgumentException("TfGraphSide.gradients: '" + wrt[i] + "' is neither a placeholder "
                            + "nor a parameter; known: " + placeholders.keySet() + " " + parameters.keySet());
                }
                slot[i] = xs.indexOf(x.asOutput());
                if (slot[i] < 0) {
                    slot[i] = xs.size();
                    xs.add(x.asOutput());
                }
            }
            Output<?>[] grads;
            try {
                grads = graph.addGradients(scalar.asOutput(), xs.toArray(new Output<?>[0]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("TfGraphSide.gradients: TF cannot differentiate '" + scalarName
                        + "' with respect to " + java.util.Arrays.toString(wrt) + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < wrt.length; i++) {
                Output<?> g = grads[slot[i]];
                if (g == null || !hasHandle(g)) {
                    throw new IllegalArgumentException("TfGraphSide.gradients: TF returned no gradient of '" + scalarName
                            + "' with respect to '" + wrt[i] + "' (it does not depend on it)");
                }
                output(Parity.gradientName(scalarName, wrt[i]), g);
            }
            return this;
        }

        /** TF-Java wraps a missing gradient in an {@code Output} whose operation has no native handle. */
        private static boolean hasHandle(Output<?> o) {
            try {
                o.op().name();
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }

        private static void unique(String name, boolean taken, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("TfGraphSide: a " + what + " name is blank");
            }
            if (taken) {
                throw new IllegalArgumentException("TfGraphSide: " + what + " '" + name + "' declared twice");
            }
        }
    }
}
