package dev.ember.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Gradients;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.core.Variable;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt32;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;

/** Graph/session semantics, written the way TF-Java programs are. */
class SessionTest {

    @Test
    void placeholderVariableMatmulAndGradients() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            Variable<TFloat32> w = tf.variable(tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
            Operand<TFloat32> y = tf.linalg.matMul(x, w);
            Gradients grads = tf.gradients(y, List.of(w, x));
            s.initialize();
            try (TFloat32 xs = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {{1, 0, 2}, {0, 1, 1}}));
                 Result r = s.runner().feed(x, xs).fetch(y).fetch(grads.dy(0)).fetch(grads.dy(1)).run()) {
                TFloat32 out = (TFloat32) r.get(0);
                assertThat(out.shape()).isEqualTo(Shape.of(2, 2));
                assertThat(StdArrays.array2dCopyOf(out)).isEqualTo(new float[][] {{11, 14}, {8, 10}});
                // d(sum y)/dW = x^T . ones(2, 2)
                assertThat(StdArrays.array2dCopyOf((TFloat32) r.get(1))).isEqualTo(new float[][] {{1, 1}, {1, 1}, {3, 3}});
                // d(sum y)/dx = ones(2, 2) . W^T
                assertThat(StdArrays.array2dCopyOf((TFloat32) r.get(2))).isEqualTo(new float[][] {{3, 7, 11}, {3, 7, 11}});
            }
            assertThat(y.asOutput().shape().asArray()).containsExactly(-1, 2);
        }
    }

    @Test
    void namesAreUniqueAndFetchableAsStrings() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TInt32> a = tf.withName("a").constant(3);
            Operand<TInt32> b = tf.constant(4);
            Operand<TInt32> sum = tf.withSubScope("layer").withName("out").math.add(a, b);
            tf.math.add(a, b);
            tf.math.add(a, b);
            assertThat(sum.op().name()).isEqualTo("layer/out");
            assertThat(g.operation("Add")).isNotNull();
            assertThat(g.operation("Add_1")).isNotNull();
            try (Result r = s.runner().fetch("layer/out").run()) {
                assertThat(((TInt32) r.get(0)).getInt()).isEqualTo(7);
                assertThat(r.get("layer/out:0")).isPresent();
            }
        }
    }

    @Test
    void onlyWhatFetchesAndTargetsNeedRunsAndControlDependenciesOrderIt() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> counter = tf.variable(tf.constant(0f));
            Operand<TFloat32> bump = tf.assignAdd(counter, tf.constant(1f));
            s.initialize();
            Operand<TFloat32> read = tf.identity(counter);
            // bump is not fetched: TF1 prunes it, so the counter stays 0
            assertThat(fetchFloat(s, read)).isEqualTo(0f);
            // as a control dependency of the fetch it runs once per run
            Operand<TFloat32> readAfter = tf.withControlDependencies(bump).identity(counter);
            assertThat(fetchFloat(s, readAfter)).isEqualTo(1f);
            assertThat(fetchFloat(s, readAfter)).isEqualTo(2f);
            s.runner().addTarget(bump).run().close();
            assertThat(fetchFloat(s, read)).isEqualTo(3f);
        }
    }

    private static float fetchFloat(Session s, Operand<TFloat32> o) {
        try (Result r = s.runner().fetch(o).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    @Test
    void autoInitRunsOnlyUnranInitializersAndManualSessionsRefuseLikeTfJava() {
        try (Graph g = new Graph(); Session auto = new Session(g); Session manual = new Session(g, false)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] {1, 2}));
            try (Result r = auto.runner().fetch(w).run()) {
                assertThat(StdArrays.array1dCopyOf((TFloat32) r.get(0))).containsExactly(1f, 2f);
            }
            auto.run(tf.assign(w, tf.constant(new float[] {5, 6})));
            Variable<TFloat32> v = tf.withName("v").variable(tf.constant(new float[] {3}));
            try (Result r = auto.runner().fetch(w).fetch(v).run()) {
                // only v's initializer is new: w keeps its assigned value
                assertThat(StdArrays.array1dCopyOf((TFloat32) r.get(0))).containsExactly(5f, 6f);
                assertThat(StdArrays.array1dCopyOf((TFloat32) r.get(1))).containsExactly(3f);
            }
            assertThatThrownBy(() -> manual.runner().fetch(w).run()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Graph has un-ran initializers, but the session's autoInit is false.  "
                            + "Run Session.initialize() before calling run().");
            manual.initialize();
            try (Result r = manual.runner().fetch(v).run()) {
                assertThat(StdArrays.array1dCopyOf((TFloat32) r.get(0))).containsExactly(3f);
            }
        }
    }

    @Test
    void errorsNameTheNode() {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
            Variable<TFloat32> w = tf.withName("w").variable(Shape.of(3), TFloat32.class);
            Operand<TFloat32> y = tf.math.add(x, w);
            assertThatThrownBy(() -> s.runner().fetch(y).run())
                    .isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("You must feed a value for placeholder tensor 'x' with dtype float and shape [?,3]");
            try (TFloat32 xs = TFloat32.tensorOf(Shape.of(2, 3))) {
                assertThatThrownBy(() -> s.runner().feed(x, xs).fetch(y).run())
                        .isInstanceOf(TFFailedPreconditionException.class)
                        .hasMessageContaining("Attempting to use uninitialized value w");
            }
            try (TFloat32 bad = TFloat32.tensorOf(Shape.of(2, 4))) {
                assertThatThrownBy(() -> s.runner().feed(x, bad).fetch(y).run())
                        .hasMessageContaining("'x'").hasMessageContaining("[?,3]").hasMessageContaining("[2,4]");
            }
            try (TInt32 wrong = TInt32.tensorOf(Shape.of(2, 3))) {
                assertThatThrownBy(() -> s.runner().feed(x, wrong).fetch(y).run())
                        .hasMessageContaining("Expects arg[0] to be float but int32 is provided");
            }
            assertThatThrownBy(() -> s.runner().fetch("nope").run()).hasMessageContaining("No Operation named [nope]");
            assertThatThrownBy(() -> s.runner().run()).hasMessageContaining("at least one target");
        }
    }

    @Test
    void graphsDoNotMix() {
        try (Graph g1 = new Graph(); Graph g2 = new Graph()) {
            Operand<TFloat32> a = Ops.create(g1).constant(1f);
            assertThatThrownBy(() -> Ops.create(g2).math.add(a, a)).hasMessageContaining("belongs to another graph");
            try (Session s2 = new Session(g2)) {
                assertThatThrownBy(() -> s2.runner().fetch(a)).hasMessageContaining("not a node of this session's graph");
            }
        }
    }

    @Test
    void withNameRejectsSlashes() {
        try (Graph g = new Graph()) {
            assertThatThrownBy(() -> Ops.create(g).withName("a/b")).hasMessageContaining("withSubScope");
        }
    }
}
