package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;

/**
 * A stateful parity case: a graph built once with real TF-Java (it may hold a function library),
 * then the same sequence of runs (feeds, fetches, targets) on the TF runtime and, from the exported
 * GraphDef, on tfcompat. Every fetched value must match; a run expected to fail must fail on both
 * sides. Session state (variables) carries over from run to run, so the sequence checks stateful ops
 * (assignments, resource variables, checkpoints). String feeds marked as paths resolve to a separate
 * temporary directory per side, so files written by one side never feed the other.
 */
final class TfProgram {
    /** One fed value. */
    record Feed(String name, Function<Path, org.tensorflow.Tensor> tf, Function<Path, dev.ember.tfcompat.Tensor> ours) {
        static Feed f32(String name, long[] shape, float... v) {
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = v[i];
            }
            return new Feed(name, dir -> TfValues.tensor(TFloat32.class, shape, d),
                    dir -> TfValues.ours(dev.ember.tfcompat.types.TFloat32.class, shape, d));
        }

        static Feed i32(String name, long[] shape, int... v) {
            double[] d = Arrays.stream(v).asDoubleStream().toArray();
            return new Feed(name, dir -> TfValues.tensor(TInt32.class, shape, d),
                    dir -> TfValues.ours(dev.ember.tfcompat.types.TInt32.class, shape, d));
        }

        static Feed bool(String name, boolean v) {
            return new Feed(name, dir -> TBool.scalarOf(v), dir -> dev.ember.tfcompat.types.TBool.scalarOf(v));
        }

        static Feed string(String name, String v) {
            return new Feed(name, dir -> TString.scalarOf(v), dir -> dev.ember.tfcompat.types.TString.scalarOf(v));
        }

        /** A path below the side's own temporary directory. */
        static Feed path(String name, String relative) {
            return new Feed(name, dir -> TString.scalarOf(dir.resolve(relative).toString()),
                    dir -> dev.ember.tfcompat.types.TString.scalarOf(dir.resolve(relative).toString()));
        }

        /** Several paths below the side's own temporary directory, as a string vector. */
        static Feed paths(String name, String... relative) {
            return new Feed(name, dir -> TString.vectorOf(Arrays.stream(relative).map(r -> dir.resolve(r).toString())
                    .toArray(String[]::new)), dir -> dev.ember.tfcompat.types.TString.vectorOf(Arrays.stream(relative)
                    .map(r -> dir.resolve(r).toString()).toArray(String[]::new)));
        }
    }

    /** One run: feeds, fetches, targets; optionally expected to fail (with a tfcompat message containing a text). */
    static final class Step {
        final List<Feed> feeds = new ArrayList<>();
        final List<String> fetches = new ArrayList<>();
        final List<String> targets = new ArrayList<>();
        String failure;

        Step feed(Feed f) {
            feeds.add(f);
            return this;
        }

        Step fetch(String... names) {
            fetches.addAll(List.of(names));
            return this;
        }

        Step target(String... names) {
            targets.addAll(List.of(names));
            return this;
        }
    }

    private final String name;
    private final Consumer<Ops> build;
    private final List<Step> steps = new ArrayList<>();

    private TfProgram(String name, Consumer<Ops> build) {
        this.name = name;
        this.build = build;
    }

    static TfProgram of(String name, Consumer<Ops> build) {
        return new TfProgram(name, build);
    }

    TfProgram step(Consumer<Step> s) {
        Step step = new Step();
        s.accept(step);
        steps.add(step);
        return this;
    }

    /** A run that must fail on TF and on tfcompat; tfcompat's message must contain {@code message}. */
    TfProgram stepFails(Consumer<Step> s, String message) {
        Step step = new Step();
        s.accept(step);
        step.failure = message;
        steps.add(step);
        return this;
    }

    DynamicTest test() {
        return DynamicTest.dynamicTest(name, this::check);
    }

    void check() {
        Path tfDir;
        Path ourDir;
        try {
            tfDir = Files.createTempDirectory("tfprogram-tf");
            ourDir = Files.createTempDirectory("tfprogram-ember");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            build.accept(Ops.create(g));
            GraphDef def = g.toGraphDef();
            TfOpParity.recordEngineGraph(def);
            try (dev.ember.tfcompat.Graph og = new dev.ember.tfcompat.Graph();
                 dev.ember.tfcompat.Session os = new dev.ember.tfcompat.Session(og)) {
                og.importGraphDef(def);
                for (int i = 0; i < steps.size(); i++) {
                    runStep(i, steps.get(i), s, tfDir, os, ourDir);
                }
            }
        }
    }

    private void runStep(int index, Step step, Session s, Path tfDir, dev.ember.tfcompat.Session os, Path ourDir) {
        String what = name + ", run " + index + " " + step.fetches + step.targets;
        List<org.tensorflow.Tensor> tfFeeds = new ArrayList<>();
        List<Object> tfOut = new ArrayList<>();
        RuntimeException tfError = null;
        Session.Runner r = s.runner();
        for (Feed f : step.feeds) {
            org.tensorflow.Tensor t = f.tf().apply(tfDir);
            tfFeeds.add(t);
            r.feed(f.name(), t);
        }
        step.fetches.forEach(r::fetch);
        step.targets.forEach(r::addTarget);
        try (var res = r.run()) {
            for (int i = 0; i < step.fetches.size(); i++) {
                tfOut.add(value(res.get(i)));
            }
        } catch (RuntimeException e) {
            tfError = e;
        } finally {
            tfFeeds.forEach(org.tensorflow.Tensor::close);
        }
        dev.ember.tfcompat.Session.Runner or = os.runner();
        step.feeds.forEach(f -> or.feed(f.name(), f.ours().apply(ourDir)));
        step.fetches.forEach(or::fetch);
        step.targets.forEach(or::addTarget);
        List<Object> ours = new ArrayList<>();
        RuntimeException ourError = null;
        try (var res = or.run()) {
            for (int i = 0; i < step.fetches.size(); i++) {
                ours.add(value(res.get(i)));
            }
        } catch (RuntimeException e) {
            ourError = e;
        }
        if (step.failure != null) {
            assertThat(tfError).as("%s: TF was expected to fail", what).isNotNull();
            assertThat(ourError).as("%s: tfcompat was expected to fail like TF (%s)", what, tfError).isNotNull();
            assertThat(ourError.getMessage()).as(what).contains(step.failure);
            return;
        }
        if (tfError != null) {
            throw new AssertionError(what + ": TF failed: " + tfError, tfError);
        }
        if (ourError != null) {
            throw new AssertionError(what + ": tfcompat failed: " + ourError, ourError);
        }
        for (int i = 0; i < tfOut.size(); i++) {
            assertSame(what + " fetch '" + step.fetches.get(i) + "'", tfOut.get(i), ours.get(i));
        }
    }

    /** A fetched value as its shape plus doubles, or plus strings. */
    private static Object value(org.tensorflow.Tensor t) {
        long[] shape = t.shape().asArray();
        if (t instanceof TString) {
            return new Object[] {shape, strings((TString) t)};
        }
        return new Object[] {shape, TfValues.doubles(t)};
    }

    private static Object value(dev.ember.tfcompat.Tensor t) {
        long[] shape = t.shape().asArray();
        if (t instanceof dev.ember.tfcompat.types.TString) {
            return new Object[] {shape, strings((dev.ember.tfcompat.types.TString) t)};
        }
        return new Object[] {shape, TfValues.doubles(t)};
    }

    private static String[] strings(NdArray<String> t) {
        List<String> out = new ArrayList<>();
        t.scalars().forEach(x -> out.add(x.getObject()));
        return out.toArray(new String[0]);
    }

    static void assertSame(String what, Object tf, Object ours) {
        Object[] a = (Object[]) tf;
        Object[] b = (Object[]) ours;
        assertThat((long[]) b[0]).as("%s: shape", what).isEqualTo((long[]) a[0]);
        if (a[1] instanceof String[]) {
            assertThat(b[1]).as("%s: strings", what).isEqualTo(a[1]);
            return;
        }
        double[] x = (double[]) a[1];
        double[] y = (double[]) b[1];
        assertThat(y.length).as(what).isEqualTo(x.length);
        for (int i = 0; i < x.length; i++) {
            double tol = 1e-5 + 1e-5 * Math.abs(x[i]);
            if (!(Math.abs(x[i] - y[i]) <= tol) && !(Double.isNaN(x[i]) && Double.isNaN(y[i]))) {
                throw new AssertionError(what + " differs from TF at element " + i + ": TF " + x[i] + ", tfcompat "
                        + y[i] + " (TF " + Arrays.toString(x) + ", tfcompat " + Arrays.toString(y) + ")");
            }
        }
    }

    static long[] shape(long... dims) {
        return dims;
    }

    static Shape scalar() {
        return Shape.scalar();
    }
}
