package dev.ember.tfcompat.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.op.train.ApplyAdagrad;
import dev.ember.tfcompat.op.train.ApplyAdagradV2;
import dev.ember.tfcompat.op.train.ApplyAdam;
import dev.ember.tfcompat.op.train.ApplyMomentum;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import dev.ember.tfcompat.types.TInt32;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/**
 * The optimizer update ops against hand-written float64 references of TF's formulas (two steps each,
 * so that slot updates count), and their error messages.
 */
class TrainKernelsTest {
    private static final double[] W = {1.0, -2.0, 3.0};
    private static final double[] G = {0.5, -1.0, 2.0};

    @Test
    void gradientDescentSubtractsAlphaTimesDelta() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> var = tf.variable(tf.constant(W));
            Op step = tf.train.applyGradientDescent(var, tf.constant(0.1), tf.constant(G));
            s.initialize();
            s.run(step);
            s.run(step);
            assertThat(values(s, var)).containsExactly(new double[] {0.9, -1.8, 2.6}, within(1e-12));
        }
    }

    @Test
    void momentumAndNesterovMomentum() {
        for (boolean nesterov : new boolean[] {false, true}) {
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                Variable<TFloat64> var = tf.variable(tf.constant(W));
                Variable<TFloat64> accum = tf.variable(tf.constant(new double[] {0.1, 0.2, 0.3}));
                Op step = tf.train.applyMomentum(var, accum, tf.constant(0.05), tf.constant(G), tf.constant(0.9),
                        ApplyMomentum.useNesterov(nesterov));
                s.initialize();
                double[] w = W.clone();
                double[] a = {0.1, 0.2, 0.3};
                for (int k = 0; k < 2; k++) {
                    s.run(step);
                    for (int i = 0; i < 3; i++) {
                        a[i] = a[i] * 0.9 + G[i];
                        w[i] -= nesterov ? G[i] * 0.05 + a[i] * 0.9 * 0.05 : a[i] * 0.05;
                    }
                }
                assertThat(values(s, var)).as("nesterov=%s", nesterov).containsExactly(w, within(1e-12));
                assertThat(values(s, accum)).containsExactly(a, within(1e-12));
            }
        }
    }

    @Test
    void adamUsesTheBetaPowerInputsForBiasCorrection() {
        for (boolean nesterov : new boolean[] {false, true}) {
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                Variable<TFloat64> var = tf.variable(tf.constant(W));
                Variable<TFloat64> m = tf.variable(tf.constant(new double[3]));
                Variable<TFloat64> v = tf.variable(tf.constant(new double[3]));
                Placeholder<TFloat64> b1p = tf.placeholder(TFloat64.class);
                Placeholder<TFloat64> b2p = tf.placeholder(TFloat64.class);
                Op step = tf.train.applyAdam(var, m, v, b1p, b2p, tf.constant(0.01), tf.constant(0.9),
                        tf.constant(0.999), tf.constant(1e-7), tf.constant(G), ApplyAdam.useNesterov(nesterov));
                s.initialize();
                double[] w = W.clone();
                double[] mm = new double[3];
                double[] vv = new double[3];
                for (int t = 1; t <= 2; t++) {
                    double p1 = Math.pow(0.9, t);
                    double p2 = Math.pow(0.999, t);
                    try (TFloat64 f1 = TFloat64.scalarOf(p1); TFloat64 f2 = TFloat64.scalarOf(p2)) {
                        s.runner().feed(b1p, f1).feed(b2p, f2).addTarget(step).run().close();
                    }
                    double alpha = 0.01 * Math.sqrt(1 - p2) / (1 - p1);
                    for (int i = 0; i < 3; i++) {
                        mm[i] += (G[i] - mm[i]) * (1 - 0.9);
                        vv[i] += (G[i] * G[i] - vv[i]) * (1 - 0.999);
                        double num = nesterov ? (G[i] * (1 - 0.9) + 0.9 * mm[i]) * alpha : mm[i] * alpha;
                        w[i] -= num / (Math.sqrt(vv[i]) + 1e-7);
                    }
                }
                assertThat(values(s, var)).as("nesterov=%s", nesterov).containsExactly(w, within(1e-12));
                assertThat(values(s, m)).containsExactly(mm, within(1e-12));
                assertThat(values(s, v)).containsExactly(vv, within(1e-12));
            }
        }
    }

    @Test
    void rmsPropAndCenteredRmsProp() {
        for (boolean centered : new boolean[] {false, true}) {
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                Variable<TFloat64> var = tf.variable(tf.constant(W));
                Variable<TFloat64> ms = tf.variable(tf.constant(new double[] {1, 1, 1}));
                Variable<TFloat64> mom = tf.variable(tf.constant(new double[3]));
                Variable<TFloat64> mg = tf.variable(tf.constant(new double[3]));
                Operand<TFloat64> lr = tf.constant(0.01);
                Operand<TFloat64> rho = tf.constant(0.9);
                Operand<TFloat64> momentum = tf.constant(0.5);
                Operand<TFloat64> eps = tf.constant(1e-6);
                Op step = centered ? tf.train.applyCenteredRmsProp(var, mg, ms, mom, lr, rho, momentum, eps, tf.constant(G))
                        : tf.train.applyRmsProp(var, ms, mom, lr, rho, momentum, eps, tf.constant(G));
                s.initialize();
                double[] w = W.clone();
                double[] msv = {1, 1, 1};
                double[] momv = new double[3];
                double[] mgv = new double[3];
                for (int k = 0; k < 2; k++) {
                    s.run(step);
                    for (int i = 0; i < 3; i++) {
                        msv[i] += (G[i] * G[i] - msv[i]) * (1 - 0.9);
                        double denom = msv[i] + 1e-6;
                        if (centered) {
                            mgv[i] += (G[i] - mgv[i]) * (1 - 0.9);
                            denom = msv[i] - mgv[i] * mgv[i] + 1e-6;
                        }
                        momv[i] = momv[i] * 0.5 + G[i] * 0.01 / Math.sqrt(denom);
                        w[i] -= momv[i];
                    }
                }
                assertThat(values(s, var)).as("centered=%s", centered).containsExactly(w, within(1e-12));
                assertThat(values(s, ms)).containsExactly(msv, within(1e-12));
                assertThat(values(s, mom)).containsExactly(momv, within(1e-12));
                assertThat(values(s, mg)).containsExactly(mgv, within(1e-12));
            }
        }
    }

    @Test
    void adagradWithAndWithoutSlotUpdatesAndAdagradV2() {
        for (int variant = 0; variant < 3; variant++) {
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                Variable<TFloat64> var = tf.variable(tf.constant(W));
                Variable<TFloat64> accum = tf.variable(tf.constant(new double[] {0.1, 0.1, 0.1}));
                Op step = variant == 2
                        ? ApplyAdagradV2.create(tf.scope(), var, accum, tf.constant(0.1), tf.constant(0.01), tf.constant(G))
                        : tf.train.applyAdagrad(var, accum, tf.constant(0.1), tf.constant(G),
                                ApplyAdagrad.updateSlots(variant == 0));
                s.initialize();
                double[] w = W.clone();
                double[] a = {0.1, 0.1, 0.1};
                for (int k = 0; k < 2; k++) {
                    s.run(step);
                    for (int i = 0; i < 3; i++) {
                        if (variant != 1) {
                            a[i] += G[i] * G[i];
                        }
                        w[i] -= variant == 2 ? G[i] * 0.1 / (Math.sqrt(a[i]) + 0.01) : G[i] * 0.1 / Math.sqrt(a[i]);
                    }
                }
                assertThat(values(s, var)).as("variant %s", variant).containsExactly(w, within(1e-12));
                assertThat(values(s, accum)).containsExactly(a, within(1e-12));
            }
        }
    }

    @Test
    void adadelta() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> var = tf.variable(tf.constant(W));
            Variable<TFloat64> accum = tf.variable(tf.constant(new double[3]));
            Variable<TFloat64> accumUpdate = tf.variable(tf.constant(new double[3]));
            Op step = tf.train.applyAdadelta(var, accum, accumUpdate, tf.constant(1.0), tf.constant(0.95),
                    tf.constant(1e-6), tf.constant(G));
            s.initialize();
            double[] w = W.clone();
            double[] a = new double[3];
            double[] u = new double[3];
            for (int k = 0; k < 2; k++) {
                s.run(step);
                for (int i = 0; i < 3; i++) {
                    a[i] = a[i] * 0.95 + G[i] * G[i] * (1 - 0.95);
                    double update = Math.sqrt(u[i] + 1e-6) / Math.sqrt(a[i] + 1e-6) * G[i];
                    w[i] -= update * 1.0;
                    u[i] = u[i] * 0.95 + update * update * (1 - 0.95);
                }
            }
            assertThat(values(s, var)).containsExactly(w, within(1e-12));
            assertThat(values(s, accumUpdate)).containsExactly(u, within(1e-12));
        }
    }

    @Test
    void float32VariablesAreUpdatedInFloat32AndTheOutputIsTheUpdatedVariable() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> var = tf.variable(tf.constant(new float[] {1f, 2f}));
            Operand<TFloat32> out = tf.train.applyGradientDescent(var, tf.constant(0.1f), tf.constant(new float[] {1f, 3f}));
            s.initialize();
            try (Result r = s.runner().fetch(out).run()) {
                assertThat(r.get(0).dataType()).isEqualTo(org.tensorflow.proto.DataType.DT_FLOAT);
                assertThat(TypeInfo.toEngine(r.get(0)).toFloatArray()).containsExactly(1f - 0.1f, 2f - 0.3f);
            }
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void anUninitialisedSlotIsNamedWhenTheUpdateRuns() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> var = tf.variable(tf.constant(new float[] {1f}));
            Variable<TFloat32> accum = tf.withName("my_accum").variable(Shape.of(1), TFloat32.class);
            Op step = tf.withName("step").train.applyMomentum(var, accum, tf.constant(0.1f), tf.constant(new float[] {1f}),
                    tf.constant(0.9f));
            s.initialize();
            assertThatThrownBy(() -> s.run(step)).isInstanceOf(TFFailedPreconditionException.class)
                    .hasMessageContaining("Attempting to use uninitialized variables: my_accum")
                    .hasMessageContaining("'step' (ApplyMomentum)");
            assertThat(values(s, var)).as("nothing was updated").containsExactly(1.0);
        }
    }

    @Test
    void hyperParametersOfAnotherTypeThanTheVariableAreRefusedWhenBuilding() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> var = tf.variable(tf.constant(new float[] {1f}));
            Operand raw = tf.constant(0.1);
            @SuppressWarnings("unchecked")
            Operand<TFloat32> lr = raw;
            assertThatThrownBy(() -> tf.withName("sgd").train.applyGradientDescent(var, lr, tf.constant(new float[] {1f})))
                    .isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("node 'sgd' (ApplyGradientDescent)")
                    .hasMessageContaining("input 'alpha' has type double but 'var' has type float");
        }
    }

    @Test
    void integerVariablesAreRefusedAsTfHasNoKernelForThem() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Variable<TInt32> var = tf.variable(tf.constant(new int[] {1}));
            assertThatThrownBy(() -> tf.withName("sgd").train.applyGradientDescent(var, tf.constant(1),
                    tf.constant(new int[] {1})))
                    .hasMessageContaining("node 'sgd' (ApplyGradientDescent)")
                    .hasMessageContaining("T=int32 is not supported");
        }
    }

    @Test
    void aTensorInsteadOfAVariableIsRefusedNamingTheNodeAndTheInput() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> notAVariable = tf.withName("w").constant(new float[] {1f});
            Op step = tf.withName("sgd").train.applyGradientDescent(notAVariable, tf.constant(0.1f),
                    tf.constant(new float[] {1f}));
            assertThatThrownBy(() -> s.run(step)).isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("node 'sgd' (ApplyGradientDescent)")
                    .hasMessageContaining("input 'var' must be a variable reference")
                    .hasMessageContaining("'w' (Const)");
        }
    }

    @Test
    void shapesAreCheckedWhenBuildingAndWhenRunning() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> var = tf.variable(tf.constant(new float[] {1f, 2f}));
            assertThatThrownBy(() -> tf.withName("a").train.applyGradientDescent(var, tf.constant(new float[] {0.1f}),
                    tf.constant(new float[] {1f, 1f})))
                    .hasMessageContaining("node 'a' (ApplyGradientDescent): alpha is not a scalar: [1]");
            assertThatThrownBy(() -> tf.withName("b").train.applyGradientDescent(var, tf.constant(0.1f),
                    tf.constant(new float[] {1f, 1f, 1f})))
                    .hasMessageContaining("node 'b' (ApplyGradientDescent): var and delta do not have the same shape: "
                            + "[2] vs [3]");
            Placeholder<TFloat32> delta = tf.placeholder(TFloat32.class);
            Op step = tf.withName("c").train.applyGradientDescent(var, tf.constant(0.1f), delta);
            s.initialize();
            try (TFloat32 d = TFloat32.vectorOf(1f, 2f, 3f)) {
                assertThatThrownBy(() -> s.runner().feed(delta, d).addTarget(step).run())
                        .isInstanceOf(TFInvalidArgumentException.class)
                        .hasMessageContaining("node 'c' (ApplyGradientDescent): var and delta do not have the same shape: "
                                + "[2] vs [3]");
            }
        }
    }

    private static double[] values(Session s, Operand<?> o) {
        try (Result r = s.runner().fetch(o).run()) {
            return TypeInfo.toEngine(r.get(0)).to(DType.FLOAT64).toDoubleArray();
        }
    }
}
