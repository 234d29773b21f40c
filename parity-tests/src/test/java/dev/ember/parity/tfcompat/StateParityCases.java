package dev.ember.parity.tfcompat;

import dev.ember.parity.tfcompat.TfProgramParity.Feed;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyAdagrad;
import org.tensorflow.op.train.ApplyAdagradV2;
import org.tensorflow.op.train.ApplyAdam;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TType;

/**
 * Stateful programs against real TF (see {@link TfProgramParity}): variables and their assignments,
 * initialisation checks, control-dependency groups, identities, and every optimizer update op over
 * several steps (variable and slots compared after each step).
 */
final class StateParityCases {
    private StateParityCases() {
    }

    static List<TfProgramParity> cases() {
        List<TfProgramParity> all = new ArrayList<>(List.of(variables(), initialisationAndGroups(), identities()));
        all.addAll(trainCases());
        return all;
    }

    /** Assign / AssignAdd / AssignSub (their outputs and the variable after them), shape-changing Assign. */
    private static TfProgramParity variables() {
        TfProgramParity p = TfProgramParity.of("variables: assign, assignAdd, assignSub, identity of a ref");
        p.build(tf -> {
            Variable<TFloat32> v = tf.withName("v").variable(tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}}));
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
            tf.withName("assign").assign(v, x);
            tf.withName("add").assignAdd(v, tf.constant(new float[][] {{0.5f, 0.5f, 0.5f}, {-1, -1, -1}}));
            tf.withName("sub").assignSub(v, x);
            tf.withName("read").identity(v);
            Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] {1, 2}));
            tf.withName("reshape").assign(w, tf.constant(new float[] {7, 8, 9}), Assign.validateShape(false));
            tf.withName("read_w").identity(w);
        });
        return p.initialize()
                .fetch("read", "read_w")
                .target("add")
                .fetch("read")
                .fetch("add")
                .run(List.of(p.random("x", TFloat32.class, 2, 3)), List.of("assign"), List.of())
                .fetch("read")
                .run(List.of(p.random("x", TFloat32.class, 2, 3)), List.of(), List.of("sub"))
                .fetch("read")
                .target("reshape")
                .fetch("read_w");
    }

    /** IsVariableInitialized before and after an assignment run by a NoOp group, a counter bumped once per run. */
    private static TfProgramParity initialisationAndGroups() {
        TfProgramParity p = TfProgramParity.of("isVariableInitialized, noOp groups run each dependency once per run");
        p.build(tf -> {
            Variable<TFloat32> u = tf.withName("u").variable(Shape.of(2), TFloat32.class);
            tf.withName("is_init").isVariableInitialized(u);
            Op setU = tf.withName("set_u").assign(u, tf.constant(new float[] {3, 4}));
            Variable<TFloat32> counter = tf.withName("counter").variable(Shape.scalar(), TFloat32.class);
            Op zero = tf.withName("zero").assign(counter, tf.constant(0f));
            Op bump = tf.withName("bump").assignAdd(counter, tf.constant(1f));
            tf.withControlDependencies(List.of(zero)).withName("reset").noOp();
            tf.withControlDependencies(List.of(setU, bump)).withName("group").noOp();
            tf.withName("read_u").identity(u);
            tf.withName("read_counter").identity(counter);
        });
        return p.fetch("is_init")
                .target("reset")
                .target("group")
                .fetch("is_init", "read_u", "read_counter")
                .target("group")
                .target("group")
                .fetch("read_counter");
    }

    /** IdentityN, Snapshot, PlaceholderWithDefault (fed and not), Identity of a variable after an assignment. */
    private static TfProgramParity identities() {
        TfProgramParity p = TfProgramParity.of("identityN, snapshot, placeholderWithDefault");
        p.build(tf -> {
            Variable<TFloat32> v = tf.withName("v").variable(tf.constant(new float[] {1, 2, 3}));
            Operand<TFloat32> d = tf.withName("p").placeholderWithDefault(tf.constant(new float[] {4, 5, 6}),
                    Shape.of(3));
            List<Operand<?>> many = List.of(d, v, tf.constant(new int[] {7, 8}));
            tf.withName("idn").identityN(many);
            tf.withName("snap").snapshot(v);
            Operand<TFloat32> read = tf.withName("read").identity(v);
            tf.withName("sum").math.add(d, read);
            tf.withName("set").assign(v, d);
        });
        return p.initialize()
                .fetch("idn:0", "idn:1", "idn:2", "snap", "read", "sum")
                .run(List.of(p.random("p", TFloat32.class, 3)), List.of("idn:0", "sum"), List.of())
                .run(List.of(p.random("p", TFloat32.class, 3)), List.of(), List.of("set"))
                .fetch("snap", "read", "idn:1");
    }

    // ------------------------------------------------------------------ optimizer update ops

    /** Builds the update with {@code step} (names it "step") from [var, slot..., grad]; constants with {@code tf}. */
    private interface Update<T extends TType> {
        Op build(Ops tf, Ops step, List<Operand<T>> a);
    }

    private static List<TfProgramParity> trainCases() {
        List<TfProgramParity> cases = new ArrayList<>();
        cases.add(train("ApplyGradientDescent", TFloat32.class, new double[0], (tf, step, a) ->
                step.train.applyGradientDescent(a.get(0), tf.constant(0.1f), a.get(1))));
        cases.add(train("ApplyMomentum", TFloat32.class, new double[] {0.25}, (tf, step, a) ->
                step.train.applyMomentum(a.get(0), a.get(1), tf.constant(0.05f), a.get(2), tf.constant(0.9f))));
        cases.add(train("ApplyMomentum nesterov", TFloat32.class, new double[] {0.25}, (tf, step, a) ->
                step.train.applyMomentum(a.get(0), a.get(1), tf.constant(0.05f), a.get(2), tf.constant(0.9f),
                        ApplyMomentum.useNesterov(true))));
        cases.add(train("ApplyMomentum float64", TFloat64.class, new double[] {0.25}, (tf, step, a) ->
                step.train.applyMomentum(a.get(0), a.get(1), tf.constant(0.05), a.get(2), tf.constant(0.9))));
        cases.add(adam(false));
        cases.add(adam(true));
        cases.add(train("ApplyRMSProp", TFloat32.class, new double[] {1, 0}, (tf, step, a) ->
                step.train.applyRmsProp(a.get(0), a.get(1), a.get(2), tf.constant(0.01f), tf.constant(0.9f),
                        tf.constant(0.5f), tf.constant(1e-6f), a.get(3))));
        cases.add(train("ApplyCenteredRMSProp", TFloat32.class, new double[] {0, 1, 0}, (tf, step, a) ->
                step.train.applyCenteredRmsProp(a.get(0), a.get(1), a.get(2), a.get(3), tf.constant(0.01f),
                        tf.constant(0.9f), tf.constant(0.5f), tf.constant(1e-6f), a.get(4))));
        cases.add(train("ApplyAdagrad", TFloat32.class, new double[] {0.1}, (tf, step, a) ->
                step.train.applyAdagrad(a.get(0), a.get(1), tf.constant(0.1f), a.get(2))));
        cases.add(train("ApplyAdagrad without slot updates", TFloat32.class, new double[] {0.5}, (tf, step, a) ->
                step.train.applyAdagrad(a.get(0), a.get(1), tf.constant(0.1f), a.get(2),
                        ApplyAdagrad.updateSlots(false))));
        cases.add(train("ApplyAdagradV2", TFloat32.class, new double[] {0.1}, (tf, step, a) ->
                ApplyAdagradV2.create(step.scope(), a.get(0), a.get(1), tf.constant(0.1f), tf.constant(1e-3f),
                        a.get(2))));
        cases.add(train("ApplyAdadelta", TFloat32.class, new double[] {0, 0}, (tf, step, a) ->
                step.train.applyAdadelta(a.get(0), a.get(1), a.get(2), tf.constant(1.0f), tf.constant(0.95f),
                        tf.constant(1e-6f), a.get(3))));
        return cases;
    }

    /** ApplyAdam with the beta powers fed as 0.9^t and 0.999^t, as an optimizer computes them. */
    private static TfProgramParity adam(boolean nesterov) {
        TfProgramParity p = TfProgramParity.of("ApplyAdam" + (nesterov ? " nesterov" : ""));
        p.build(tf -> {
            Operand<TFloat32> b1p = tf.withName("b1p").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> b2p = tf.withName("b2p").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            List<Operand<TFloat32>> a = operands(tf, TFloat32.class, new double[] {0, 0});
            tf.withName("step").train.applyAdam(a.get(0), a.get(1), a.get(2), b1p, b2p, tf.constant(0.01f),
                    tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-7f), a.get(3),
                    ApplyAdam.useNesterov(nesterov));
        });
        p.initialize();
        for (int t = 1; t <= 3; t++) {
            List<Feed> feeds = List.of(p.random("grad", TFloat32.class, 2, 2),
                    new Feed("b1p", TFloat32.class, new long[0], new double[] {Math.pow(0.9, t)}),
                    new Feed("b2p", TFloat32.class, new long[0], new double[] {Math.pow(0.999, t)}));
            p.run(feeds, List.of(), List.of("step")).fetch("var", "slot0", "slot1");
        }
        return p;
    }

    /** A [2, 2] variable with slots starting at {@code slotInit}, three steps of fed gradients, all compared. */
    private static <T extends TType> TfProgramParity train(String name, Class<T> type, double[] slotInit,
            Update<T> update) {
        TfProgramParity p = TfProgramParity.of(name);
        p.build(tf -> update.build(tf, tf.withName("step"), operands(tf, type, slotInit)));
        String[] fetches = new String[slotInit.length + 1];
        fetches[0] = "var";
        for (int i = 0; i < slotInit.length; i++) {
            fetches[i + 1] = "slot" + i;
        }
        p.initialize();
        for (int t = 0; t < 3; t++) {
            p.run(List.of(p.random("grad", type, 2, 2)), List.of(), List.of("step")).fetch(fetches);
        }
        return p.run(List.of(p.random("grad", type, 2, 2)), List.of("step"), List.of());
    }

    /** [var, slot0, slot1, ..., grad]: initialised variables and a gradient placeholder, all [2, 2]. */
    @SuppressWarnings("unchecked")
    private static <T extends TType> List<Operand<T>> operands(Ops tf, Class<T> type, double[] slotInit) {
        List<Operand<T>> out = new ArrayList<>();
        out.add((Operand<T>) tf.withName("var").variable(constant(tf, type, new double[] {0.5, -1, 2, 0.25})));
        for (int i = 0; i < slotInit.length; i++) {
            double s = slotInit[i];
            out.add((Operand<T>) tf.withName("slot" + i).variable(constant(tf, type, new double[] {s, s, s, s})));
        }
        out.add(tf.withName("grad").placeholder(type, Placeholder.shape(Shape.of(2, 2))));
        return out;
    }

    private static Operand<?> constant(Ops tf, Class<?> type, double[] v) {
        if (type == TFloat32.class) {
            return tf.constant(new float[][] {{(float) v[0], (float) v[1]}, {(float) v[2], (float) v[3]}});
        }
        return tf.constant(new double[][] {{v[0], v[1]}, {v[2], v[3]}});
    }
}
