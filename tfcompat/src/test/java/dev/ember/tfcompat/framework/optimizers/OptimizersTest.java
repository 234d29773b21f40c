package dev.ember.tfcompat.framework.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TFloat64;
import org.junit.jupiter.api.Test;

/**
 * The framework optimizers on a linear loss {@code x . w} (gradient {@code x}): slots, names, initial
 * values and steps against hand-computed TF-Java behaviour, and the errors users meet.
 */
class OptimizersTest {
    private static final double[] X = {1.0, -2.0};

    /** w (2x1) starting at {0.5, 0.25}; loss = [x] . w, a 1x1 matrix. */
    private static Operand<TFloat64> linearLoss(Ops tf, Variable<TFloat64> w) {
        return tf.withName("loss").linalg.matMul(tf.constant(new double[][] {X}), w);
    }

    private static Variable<TFloat64> weights(Ops tf) {
        return tf.withName("w").variable(tf.constant(new double[][] {{0.5}, {0.25}}));
    }

    @Test
    void gradientDescentStepsAndNamesItsTarget() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = weights(tf);
            GradientDescent sgd = new GradientDescent(g, 0.1f);
            Op minimize = sgd.minimize(linearLoss(tf, w));
            assertThat(minimize.op().name()).isEqualTo("GradientDescent-minimize");
            assertThat(minimize.op().type()).isEqualTo("NoOp");
            assertThat(sgd.toString()).isEqualTo("GradientDescent{learningRate=0.1}");
            s.initialize();
            s.run(minimize);
            s.run(minimize);
            double lr = 0.1f;
            assertThat(values(s, w)).containsExactly(new double[] {0.5 - 2 * lr * X[0], 0.25 - 2 * lr * X[1]}, within(1e-12));
        }
    }

    @Test
    void momentumKeepsAZeroInitialisedSlotNamedAfterTheVariable() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = weights(tf);
            Momentum opt = new Momentum(g, 0.1f, 0.9f, true);
            Op minimize = opt.minimize(linearLoss(tf, w), "train");
            Variable<TFloat64> slot = opt.getSlot(w.asOutput(), Momentum.MOMENTUM).orElseThrow();
            assertThat(slot.op().name()).isEqualTo("w-momentum").isEqualTo(Optimizer.createName(w.asOutput(), "momentum"));
            assertThat(minimize.op().name()).isEqualTo("train");
            s.initialize();
            assertThat(values(s, slot)).containsExactly(0, 0);
            double lr = 0.1f;
            double mu = 0.9f;
            double[] expected = {0.5, 0.25};
            double[] accum = new double[2];
            for (int k = 0; k < 3; k++) {
                s.run(minimize);
                for (int i = 0; i < 2; i++) {
                    accum[i] = accum[i] * mu + X[i];
                    expected[i] -= X[i] * lr + accum[i] * mu * lr;
                }
            }
            assertThat(values(s, w)).containsExactly(expected, within(1e-12));
            assertThat(values(s, slot)).containsExactly(accum, within(1e-12));
            assertThat(opt.getSlot(w.asOutput(), "nope")).isEmpty();
        }
    }

    @Test
    void adamUsesTheBetaPowersAfterTheirUpdateAsTfJavaDoes() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = weights(tf);
            Adam adam = new Adam(g, 0.01f);
            Op minimize = adam.minimize(linearLoss(tf, w));
            s.initialize();
            float b1 = 0.9f;
            float b2 = 0.999f;
            double[] expected = {0.5, 0.25};
            double[] m = new double[2];
            double[] v = new double[2];
            float p1 = b1;
            float p2 = b2;
            for (int t = 1; t <= 3; t++) {
                s.run(minimize);
                p1 *= b1; // the power is updated before ApplyAdam reads it (see Adam's Javadoc)
                p2 *= b2;
                double alpha = (double) 0.01f * Math.sqrt(1 - (double) p2) / (1 - (double) p1);
                for (int i = 0; i < 2; i++) {
                    m[i] += (X[i] - m[i]) * (1 - (double) b1);
                    v[i] += (X[i] * X[i] - v[i]) * (1 - (double) b2);
                    expected[i] -= m[i] * alpha / (Math.sqrt(v[i]) + (double) 1e-8f);
                }
            }
            assertThat(values(s, w)).containsExactly(expected, within(1e-12));
            assertThat(values(s, g.operation("beta1_power").output(0))).containsExactly(p1);
            assertThat(values(s, adam.getSlot(w.asOutput(), Adam.FIRST_MOMENT).orElseThrow())).containsExactly(m,
                    within(1e-12));
        }
    }

    @Test
    void rmsPropStartsItsRmsSlotAtOnesAndAdaGradItsAccumulatorAtTheInitialValue() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = weights(tf);
            RMSProp rms = new RMSProp(g, 0.01f, 0.9f, 0.5f, 1e-10f, true);
            rms.minimize(linearLoss(tf, w));
            AdaGrad ada = new AdaGrad(g, 0.1f, 0.25f);
            ada.minimize(linearLoss(tf.withSubScope("again"), w));
            s.initialize();
            assertThat(values(s, rms.getSlot(w.asOutput(), RMSProp.RMS).orElseThrow())).containsExactly(1, 1);
            assertThat(values(s, rms.getSlot(w.asOutput(), RMSProp.MG).orElseThrow())).containsExactly(0, 0);
            assertThat(values(s, rms.getSlot(w.asOutput(), RMSProp.MOMENTUM).orElseThrow())).containsExactly(0, 0);
            assertThat(values(s, ada.getSlot(w.asOutput(), AdaGrad.ACCUMULATOR).orElseThrow())).containsExactly(0.25, 0.25);
        }
    }

    @Test
    void aVariableTheLossDoesNotUseIsLeftAlone() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = weights(tf);
            Variable<TFloat32> unused = tf.withName("unused").variable(tf.constant(new float[] {3f}));
            Op minimize = new GradientDescent(g, 0.1f).minimize(linearLoss(tf, w));
            s.initialize();
            s.run(minimize);
            assertThat(values(s, unused)).containsExactly(3);
            assertThat(values(s, w)[0]).isNotEqualTo(0.5);
        }
    }

    @Test
    void slotsCreatedAfterInitializeAreInitialisedByTheNextRunOrRefusedWithoutAutoInit() {
        try (Graph g = new Graph(); Session s = new Session(g); Session manual = new Session(g, false)) {
            Ops tf = Ops.create(g);
            Variable<TFloat64> w = weights(tf);
            Operand<TFloat64> loss = linearLoss(tf, w);
            s.initialize();
            manual.initialize();
            Op minimize = new Momentum(g, 0.1f, 0.9f).minimize(loss);
            s.run(minimize);  // autoInit (TF-Java's default) runs the new w-momentum initializer first
            assertThat(values(s, w)[0]).isCloseTo(0.5 - 0.1f * X[0], within(1e-12));
            assertThatThrownBy(() -> manual.run(minimize)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Graph has un-ran initializers, but the session's autoInit is false");
            manual.initialize();
            manual.run(minimize);
            assertThat(values(manual, w)[0]).isCloseTo(0.5 - 0.1f * X[0], within(1e-12));
        }
    }

    @Test
    void aNegativeInitialAccumulatorIsRefused() {
        try (Graph g = new Graph()) {
            assertThatThrownBy(() -> new AdaGrad(g, 0.1f, -1f)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("initialAccumulatorValue must be non-negative: -1.000000");
        }
    }

    @Test
    void adamCreateAdamMinimizeNamesTheTargetAfterTheSharedName() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Op op = Adam.createAdamMinimize(tf.scope(), linearLoss(tf, weights(tf)), 0.1f, 0.9f, 0.999f, 1e-8f);
            assertThat(op.op().name()).isEqualTo("Adam-minimize");
            assertThat(new Adam(g).toString()).isEqualTo("Adam{learningRate=0.001, betaOne=0.9, betaTwo=0.999, epsilon=1.0E-8}");
        }
    }

    private static double[] values(Session s, Operand<?> o) {
        try (Result r = s.runner().fetch(o).run()) {
            return TypeInfo.toEngine(r.get(0)).to(DType.FLOAT64).toDoubleArray();
        }
    }
}
