package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tfcompat.internal.types.TypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * One op-level parity case: the graph is built ONCE with real TF-Java, run on the TF runtime,
 * exported as a GraphDef, imported into tfcompat and run on the engine; outputs are compared, and
 * the gradients of {@code sum(output_0 * w)} with respect to the float inputs: TF's own
 * {@code addGradients} against tfcompat's (engine autograd). Optionally TF's gradient graph itself
 * is imported and run, which exercises the TF gradient op kernels ({@code ReluGrad}, ...).
 */
public final class TfOpParity {
    /** An input: a placeholder of {@code type} and {@code shape} with random values in [lo, hi). */
    public record In(String name, Class<? extends TType> type, long[] shape, double lo, double hi) {
        public static In f32(String name, long... shape) {
            return new In(name, TFloat32.class, shape, -2, 2);
        }

        public static In f64(String name, long... shape) {
            return new In(name, TFloat64.class, shape, -2, 2);
        }

        public static In i32(String name, int lo, int hi, long... shape) {
            return new In(name, TInt32.class, shape, lo, hi);
        }

        public static In i64(String name, int lo, int hi, long... shape) {
            return new In(name, TInt64.class, shape, lo, hi);
        }

        public In range(double low, double high) {
            return new In(name, type, shape, low, high);
        }
    }

    private final String name;
    private final List<In> inputs = new ArrayList<>();
    private Function<Ops, Map<String, Operand<?>>> build;
    private boolean gradients = true;
    private boolean tfGradientGraph = true;
    private double atol = 1e-5;
    private double rtol = 1e-5;
    private String toleranceReason;

    private TfOpParity(String name) {
        this.name = name;
    }

    public static TfOpParity of(String name) {
        return new TfOpParity(name);
    }

    public TfOpParity in(In input) {
        inputs.add(input);
        return this;
    }

    /** The graph: from the placeholders ({@code ops} plus {@link #input}) to named outputs. */
    public TfOpParity build(Function<Ops, Map<String, Operand<?>>> build) {
        this.build = build;
        return this;
    }

    /** No gradient comparison (integer or bool outputs, non-differentiable ops). */
    public TfOpParity noGradients() {
        this.gradients = false;
        return this;
    }

    /** Do not import TF's gradient graph; needs the reason (e.g. which gradient kernels are missing). */
    public TfOpParity noTfGradientGraph(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("noTfGradientGraph needs a reason");
        }
        this.tfGradientGraph = false;
        return this;
    }

    /** Looser tolerance than float32's 1e-5, with a written reason. */
    public TfOpParity tolerance(double atol, double rtol, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance override needs a reason");
        }
        this.atol = atol;
        this.rtol = rtol;
        this.toleranceReason = reason;
        return this;
    }

    private static final ThreadLocal<Map<String, Placeholder<?>>> PLACEHOLDERS = new ThreadLocal<>();
    private static final java.util.Set<String> SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** TF op types of every graph a case ran on the engine so far (for the registry coverage check). */
    public static java.util.Set<String> seenOpTypes() {
        return java.util.Collections.unmodifiableSet(SEEN);
    }

    /**
     * Records the op types of a GraphDef that runs on the engine outside {@link #check} (a stateful
     * program, a SavedModel), its library functions' bodies included, for the registry coverage check.
     */
    public static void recordEngineGraph(GraphDef def) {
        def.getNodeList().forEach(n -> SEEN.add(n.getOp()));
        def.getLibrary().getFunctionList().forEach(f -> f.getNodeDefList().forEach(n -> SEEN.add(n.getOp())));
    }

    /** The case's name. */
    public String name() {
        return name;
    }

    /** The placeholder of input {@code name}, inside {@link #build}. */
    @SuppressWarnings("unchecked")
    public static <T extends TType> Operand<T> input(String name) {
        return (Operand<T>) PLACEHOLDERS.get().get(name);
    }

    /** Runs the case; fails with the tensor name, worst index and both values on a mismatch. */
    public void check() {
        Random rnd = new Random(name.hashCode());
        Map<String, org.tensorflow.Tensor> tfFeeds = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (In in : inputs) {
            double[] v = new double[Math.toIntExact(Shape.of(in.shape()).size())];
            boolean integral = in.type() == TInt32.class || in.type() == TInt64.class;
            for (int i = 0; i < v.length; i++) {
                v[i] = integral ? Math.floor(in.lo() + rnd.nextDouble() * (in.hi() - in.lo()))
                        : in.lo() + rnd.nextDouble() * (in.hi() - in.lo());
            }
            values.put(in.name(), v);
        }
        GraphDef def;
        GraphDef gradDef = null;
        Map<String, double[]> tf = new LinkedHashMap<>();
        List<String> outNames;
        List<String> gradInputs = new ArrayList<>();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ops = Ops.create(g);
            Map<String, Placeholder<?>> phs = new LinkedHashMap<>();
            for (In in : inputs) {
                phs.put(in.name(), ops.withName(in.name()).placeholder(in.type(), Placeholder.shape(Shape.of(in.shape()))));
            }
            PLACEHOLDERS.set(phs);
            Map<String, Operand<?>> outs;
            try {
                outs = build.apply(ops);
            } finally {
                PLACEHOLDERS.remove();
            }
            outNames = new ArrayList<>(outs.keySet());
            for (Map.Entry<String, Operand<?>> e : outs.entrySet()) {
                ops.withName(e.getKey()).identity(e.getValue());
            }
            def = g.toGraphDef();
            Session.Runner r = s.runner();
            for (In in : inputs) {
                org.tensorflow.Tensor t = TfValues.tensor(in.type(), in.shape(), values.get(in.name()));
                tfFeeds.put(in.name(), t);
                r.feed(in.name(), t);
            }
            outNames.forEach(r::fetch);
            if (gradients) {
                Operand<?> y0 = g.operation(outNames.get(0)).output(0);
                Operand<?> weighted = ops.withName("ember_weighted").math.mul((Operand) y0,
                        (Operand) ops.withName("ember_w").ones(ops.shape(y0), y0.type()));
                Operand<?> scalar = ops.withName("ember_loss").sum((Operand) weighted,
                        ops.range(ops.constant(0), ops.rank(weighted), ops.constant(1)));
                List<Output<?>> xs = new ArrayList<>();
                for (In in : inputs) {
                    if (in.type() == TFloat32.class || in.type() == TFloat64.class) {
                        xs.add(phs.get(in.name()).asOutput());
                        gradInputs.add(in.name());
                    }
                }
                Output<?>[] grads = g.addGradients("ember_grad", new Output<?>[] {scalar.asOutput()},
                        xs.toArray(new Output<?>[0]), null);
                for (int i = 0; i < grads.length; i++) {
                    ops.withName("d_" + gradInputs.get(i)).identity((Operand) grads[i]);
                    r.fetch("d_" + gradInputs.get(i));
                }
                gradDef = g.toGraphDef();
            }
            try (var res = r.run()) {
                for (int i = 0; i < outNames.size(); i++) {
                    tf.put(outNames.get(i), TfValues.doubles(res.get(i)));
                }
                for (int i = 0; i < gradInputs.size(); i++) {
                    tf.put("d_" + gradInputs.get(i), TfValues.doubles(res.get(outNames.size() + i)));
                }
            }
        } finally {
            tfFeeds.values().forEach(org.tensorflow.Tensor::close);
        }
        Map<String, double[]> ours = runOnEngine(def, outNames, values, gradInputs, false);
        for (String n : outNames) {
            compare(n, tf.get(n), ours.get(n));
        }
        if (gradients) {
            for (String x : gradInputs) {
                compare("d_" + x + " (engine autograd)", tf.get("d_" + x), ours.get("d_" + x));
            }
            if (tfGradientGraph) {
                Map<String, double[]> viaTfGraph = runOnEngine(gradDef, outNames, values, gradInputs, true);
                for (String x : gradInputs) {
                    compare("d_" + x + " (TF's gradient ops on the engine)", tf.get("d_" + x), viaTfGraph.get("d_" + x));
                }
            }
        }
    }

    private Map<String, double[]> runOnEngine(GraphDef def, List<String> outNames, Map<String, double[]> values,
            List<String> gradInputs, boolean gradientsInGraph) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
            def.getNodeList().forEach(n -> SEEN.add(n.getOp()));
            g.importGraphDef(def);
            dev.ember.tfcompat.Session.Runner r = s.runner();
            for (In in : inputs) {
                r.feed(in.name(), TfValues.ours(TypeInfo.of(TfValues.dataType(in.type())).type(), in.shape(),
                        values.get(in.name())));
            }
            outNames.forEach(r::fetch);
            if (gradients && !gradientsInGraph) {
                dev.ember.tfcompat.Output<?> y0 = g.operation(outNames.get(0)).output(0);
                dev.ember.tfcompat.Output<?>[] xs = gradInputs.stream().map(n -> g.operation(n).output(0))
                        .toArray(dev.ember.tfcompat.Output<?>[]::new);
                dev.ember.tfcompat.Output<?>[] grads = g.addGradients("ember_grad", new dev.ember.tfcompat.Output<?>[] {y0},
                        xs, null);
                for (dev.ember.tfcompat.Output<?> gr : grads) {
                    r.fetch(gr);
                }
            } else if (gradients) {
                gradInputs.forEach(x -> r.fetch("d_" + x));
            }
            try (dev.ember.tfcompat.Result res = r.run()) {
                for (int i = 0; i < outNames.size(); i++) {
                    out.put(outNames.get(i), TfValues.doubles(res.get(i)));
                }
                for (int i = 0; i < (gradients ? gradInputs.size() : 0); i++) {
                    out.put("d_" + gradInputs.get(i), TfValues.doubles(res.get(outNames.size() + i)));
                }
            }
        }
        return out;
    }

    private void compare(String tensor, double[] tf, double[] ours) {
        assertThat(ours).as("%s: %s missing on the engine side", name, tensor).isNotNull();
        assertThat(ours.length).as("%s: %s element count", name, tensor).isEqualTo(tf.length);
        int worst = -1;
        double worstErr = 0;
        for (int i = 0; i < tf.length; i++) {
            boolean sameNonFinite = Double.isNaN(tf[i]) ? Double.isNaN(ours[i]) : tf[i] == ours[i];
            double err = Math.abs(tf[i] - ours[i]);
            boolean ok = sameNonFinite || err <= atol + rtol * Math.abs(tf[i]);
            if (!ok && (worst < 0 || err > worstErr || Double.isNaN(err))) {
                worst = i;
                worstErr = err;
            }
        }
        if (worst >= 0) {
            throw new AssertionError(String.format("%s: %s differs from TF: worst element %d: TF %s, engine %s "
                    + "(|diff| %.3g, atol %g, rtol %g%s)", name, tensor, worst, tf[worst], ours[worst], worstErr, atol,
                    rtol, toleranceReason == null ? "" : ", because " + toleranceReason));
        }
    }
}
