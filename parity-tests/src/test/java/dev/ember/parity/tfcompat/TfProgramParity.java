package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tfcompat.internal.types.TypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.family.TType;

/**
 * A stateful program checked against real TF: the graph is built ONCE with real TF-Java (variables,
 * initializers, update ops; nodes named with {@code withName}), exported as a GraphDef and imported
 * into tfcompat; then the SAME sequence of runs (initialize, then feeds/fetches/targets by node name)
 * is played on a TF session and on a tfcompat session, and every fetched value is compared: exactly
 * (float32 tolerance 1e-5 abs+rel unless overridden with a reason), or, for random outputs, as a
 * distribution (moments, bounds) or as a permutation. Random programs are also played twice per
 * runtime, in fresh sessions, to check that both repeat a seeded sequence.
 */
public final class TfProgramParity {
    /** A fed value: {@code values} in row-major order. */
    record Feed(String name, Class<? extends TType> type, long[] shape, double[] values) {
    }

    /** One {@code Session.run} (or {@code initialize()} when {@code init}). */
    private record Step(boolean init, List<Feed> feeds, List<String> fetches, List<String> targets) {
    }

    /** How a fetched value is compared; {@code redrawn}: successive runs give new values (else the same). */
    private record Check(String kind, double lo, double hi, boolean redrawn) {
    }

    /** One fetched value: its shape and values. */
    private record Fetched(long[] shape, double[] values) {
    }

    private final String name;
    private Consumer<Ops> build;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Random random;
    private double atol = 1e-5;
    private double rtol = 1e-5;
    private String toleranceReason;
    private boolean repeatInFreshSessions;

    private TfProgramParity(String name) {
        this.name = name;
        this.random = new Random(name.hashCode());
    }

    public static TfProgramParity of(String name) {
        return new TfProgramParity(name);
    }

    public String name() {
        return name;
    }

    /** The graph, built with real TF-Java; name every node the program feeds, fetches or targets. */
    public TfProgramParity build(Consumer<Ops> build) {
        this.build = build;
        return this;
    }

    /** {@code Session.initialize()} on TF; the imported {@code Init} node as a target on tfcompat. */
    public TfProgramParity initialize() {
        steps.add(new Step(true, List.of(), List.of(), List.of()));
        return this;
    }

    /** A run fetching {@code fetches} (node names, {@code "node:i"} for output i). */
    public TfProgramParity fetch(String... fetches) {
        return run(List.of(), List.of(fetches), List.of());
    }

    /** A run of {@code targets} only. */
    public TfProgramParity target(String... targets) {
        return run(List.of(), List.of(), List.of(targets));
    }

    /** A run with feeds, fetches and targets. */
    public TfProgramParity run(List<Feed> feeds, List<String> fetches, List<String> targets) {
        steps.add(new Step(false, feeds, fetches, targets));
        return this;
    }

    /** A feed of uniform random values in [-2, 2) (integral types: whole numbers), reproducible per case. */
    public Feed random(String node, Class<? extends TType> type, long... shape) {
        double[] v = new double[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        for (int i = 0; i < v.length; i++) {
            v[i] = -2 + 4 * random.nextDouble();
        }
        return new Feed(node, type, shape, v);
    }

    /**
     * Compare fetch {@code node} (a stateful random op) as a distribution: the same moments as TF's,
     * values in [lo, hi) on both, new values at each run on both.
     */
    public TfProgramParity distribution(String node, double lo, double hi) {
        checks.put(node, new Check("distribution", lo, hi, true));
        repeatInFreshSessions = true;
        return this;
    }

    /** As {@link #distribution}, for a stateless op: every run gives the same values, on both runtimes. */
    public TfProgramParity statelessDistribution(String node, double lo, double hi) {
        checks.put(node, new Check("distribution", lo, hi, false));
        repeatInFreshSessions = true;
        return this;
    }

    /** Compare fetch {@code node} as a permutation: TF's values once sorted, a new order at each run. */
    public TfProgramParity permutation(String node) {
        checks.put(node, new Check("permutation", 0, 0, true));
        repeatInFreshSessions = true;
        return this;
    }

    /** Looser tolerance than float32's 1e-5, with a written reason. */
    public TfProgramParity tolerance(double atol, double rtol, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance override needs a reason");
        }
        this.atol = atol;
        this.rtol = rtol;
        this.toleranceReason = reason;
        return this;
    }

    /** Plays the program on both runtimes and compares every fetch. */
    public void check() {
        GraphDef def;
        List<List<Fetched>> tf;
        List<List<Fetched>> tfAgain = null;
        try (Graph g = new Graph()) {
            build.accept(Ops.create(g));
            def = g.toGraphDef();
            tf = playOnTf(g);
            if (repeatInFreshSessions) {
                tfAgain = playOnTf(g);
            }
        }
        TfOpParity.recordEngineGraph(def);
        List<List<Fetched>> ours = playOnEngine(def);
        for (int i = 0; i < steps.size(); i++) {
            List<String> fetches = steps.get(i).fetches();
            for (int k = 0; k < fetches.size(); k++) {
                String what = "run " + i + ", fetch " + fetches.get(k);
                compare(what, fetches.get(k), tf.get(i).get(k), ours.get(i).get(k));
            }
        }
        checkRedraws("TF", tf);
        checkRedraws("the engine", ours);
        if (repeatInFreshSessions) {
            List<List<Fetched>> oursAgain = playOnEngine(def);
            for (int i = 0; i < steps.size(); i++) {
                for (int k = 0; k < steps.get(i).fetches().size(); k++) {
                    String what = name + ": run " + i + ", fetch " + steps.get(i).fetches().get(k);
                    assertThat(tfAgain.get(i).get(k).values()).as("%s repeats on TF in a fresh session", what)
                            .isEqualTo(tf.get(i).get(k).values());
                    assertThat(oursAgain.get(i).get(k).values()).as("%s repeats on the engine in a fresh session", what)
                            .isEqualTo(ours.get(i).get(k).values());
                }
            }
        }
    }

    /** Successive fetches of a random node differ (stateful ops) or repeat (stateless ones). */
    private void checkRedraws(String runtime, List<List<Fetched>> runs) {
        checks.forEach((node, c) -> {
            double[] previous = null;
            for (int i = 0; i < steps.size(); i++) {
                int k = steps.get(i).fetches().indexOf(node);
                if (k < 0) {
                    continue;
                }
                double[] v = runs.get(i).get(k).values();
                if (previous != null) {
                    if (c.redrawn()) {
                        assertThat(v).as("%s: %s gives new values at run %d on %s", name, node, i, runtime)
                                .isNotEqualTo(previous);
                    } else {
                        assertThat(v).as("%s: %s gives the same values at run %d on %s", name, node, i, runtime)
                                .isEqualTo(previous);
                    }
                }
                previous = v;
            }
        });
    }

    private List<List<Fetched>> playOnTf(Graph g) {
        List<List<Fetched>> out = new ArrayList<>();
        try (Session s = new Session(g)) {
            for (Step step : steps) {
                List<Fetched> fetched = new ArrayList<>();
                if (step.init()) {
                    s.initialize();
                    out.add(fetched);
                    continue;
                }
                List<org.tensorflow.Tensor> fed = new ArrayList<>();
                try {
                    Session.Runner r = s.runner();
                    for (Feed f : step.feeds()) {
                        org.tensorflow.Tensor t = TfValues.tensor(f.type(), f.shape(), f.values());
                        fed.add(t);
                        r.feed(f.name(), t);
                    }
                    step.fetches().forEach(r::fetch);
                    step.targets().forEach(r::addTarget);
                    try (var res = r.run()) {
                        for (int k = 0; k < step.fetches().size(); k++) {
                            fetched.add(new Fetched(res.get(k).shape().asArray(), TfValues.doubles(res.get(k))));
                        }
                    }
                } finally {
                    fed.forEach(org.tensorflow.Tensor::close);
                }
                out.add(fetched);
            }
        }
        return out;
    }

    private List<List<Fetched>> playOnEngine(GraphDef def) {
        List<List<Fetched>> out = new ArrayList<>();
        try (dev.ember.tfcompat.Graph g = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(g)) {
            g.importGraphDef(def);
            for (Step step : steps) {
                List<Fetched> fetched = new ArrayList<>();
                if (step.init()) {
                    if (g.operation("Init") != null) {
                        s.run("Init");
                    }
                    out.add(fetched);
                    continue;
                }
                dev.ember.tfcompat.Session.Runner r = s.runner();
                for (Feed f : step.feeds()) {
                    r.feed(f.name(), TfValues.ours(TypeInfo.of(TfValues.dataType(f.type())).type(), f.shape(),
                            f.values()));
                }
                step.fetches().forEach(r::fetch);
                step.targets().forEach(r::addTarget);
                try (dev.ember.tfcompat.Result res = r.run()) {
                    for (int k = 0; k < step.fetches().size(); k++) {
                        fetched.add(new Fetched(res.get(k).shape().asArray(), TfValues.doubles(res.get(k))));
                    }
                }
                out.add(fetched);
            }
        }
        return out;
    }

    private void compare(String what, String node, Fetched tf, Fetched ours) {
        assertThat(ours.shape()).as("%s: %s shape", name, what).isEqualTo(tf.shape());
        Check c = checks.get(node);
        if (c == null) {
            compareValues(what, tf.values(), ours.values());
        } else if (c.kind().equals("permutation")) {
            assertThat(sorted(ours.values())).as("%s: %s holds TF's values", name, what).isEqualTo(sorted(tf.values()));
        } else {
            compareDistributions(what, c, tf.values(), ours.values());
        }
    }

    private void compareValues(String what, double[] tf, double[] ours) {
        int worst = -1;
        double worstErr = 0;
        for (int i = 0; i < tf.length; i++) {
            double err = Math.abs(tf[i] - ours[i]);
            boolean same = Double.isNaN(tf[i]) ? Double.isNaN(ours[i]) : tf[i] == ours[i];
            boolean ok = same || err <= atol + rtol * Math.abs(tf[i]);
            if (!ok && (worst < 0 || err > worstErr || Double.isNaN(err))) {
                worst = i;
                worstErr = err;
            }
        }
        if (worst >= 0) {
            throw new AssertionError(String.format("%s: %s differs from TF: worst element %d: TF %s, engine %s "
                    + "(|diff| %.3g, atol %g, rtol %g%s)", name, what, worst, tf[worst], ours[worst], worstErr, atol,
                    rtol, toleranceReason == null ? "" : ", because " + toleranceReason));
        }
    }

    private void compareDistributions(String what, Check c, double[] tf, double[] ours) {
        Distributions.assertSimilar(name + ": " + what, tf, ours, c.lo(), c.hi());
    }

    private static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
