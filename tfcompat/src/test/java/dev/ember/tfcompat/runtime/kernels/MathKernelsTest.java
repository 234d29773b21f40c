package dev.ember.tfcompat.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Gradients;
import dev.ember.tfcompat.op.core.Sum;
import dev.ember.tfcompat.op.math.Mean;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TUint8;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Math, comparison and reduction kernels against hand-computed values; bad input names the node. */
class MathKernelsTest {

    @Test
    void integerDivisionAndRemainderFollowCAndPythonRules() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TInt32> a = tf.constant(new int[] {-7, 7, -7, 7});
            Operand<TInt32> b = tf.constant(new int[] {2, -2, -2, 2});
            assertThat(g.values(tf.math.div(a, b))).containsExactly(-3, -3, 3, 3);
            assertThat(g.values(tf.math.truncateDiv(a, b))).containsExactly(-3, -3, 3, 3);
            assertThat(g.values(tf.math.floorDiv(a, b))).containsExactly(-4, -4, 3, 3);
            assertThat(g.values(tf.math.mod(a, b))).containsExactly(-1, 1, -1, 1);
            assertThat(g.values(tf.math.truncateMod(a, b))).containsExactly(-1, 1, -1, 1);
            assertThat(g.values(tf.math.floorMod(a, b))).containsExactly(1, -1, -1, 1);
            assertThat(g.values(tf.math.pow(tf.constant(new int[] {-3, 2, 5}), tf.constant(new int[] {3, 10, 0}))))
                    .containsExactly(-27, 1024, 1);
        }
    }

    @Test
    void floatRemaindersAndFloorDivision() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> a = tf.constant(new float[] {-7.5f, 7.5f});
            Operand<TFloat32> b = tf.constant(new float[] {2, -2});
            assertThat(g.values(tf.math.floorMod(a, b))).containsExactly(0.5, -0.5);
            assertThat(g.values(tf.math.mod(a, b))).containsExactly(-1.5, 1.5);
            assertThat(g.values(tf.math.floorDiv(a, b))).containsExactly(-4, -4);
            assertThat(g.values(tf.math.truncateDiv(a, b))).containsExactly(-3, -3);
            assertThat(g.values(tf.math.divNoNan(a, tf.constant(new float[] {0, 2})))).containsExactly(0, 3.75);
        }
    }

    @Test
    void integerDivisionByZeroNamesTheNode() {
        try (GraphRun g = new GraphRun()) {
            Operand<TInt32> q = g.tf.withName("quotient").math.floorDiv(g.tf.constant(1), g.tf.constant(0));
            assertThatThrownBy(() -> g.values(q)).isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("'quotient'").hasMessageContaining("Integer division by zero");
        }
    }

    @Test
    void mismatchedInputTypesAreRefusedNamingTheNode() {
        try (GraphRun g = new GraphRun()) {
            Operand<TFloat32> f = g.tf.constant(1f);
            Operand<TInt32> i = g.tf.constant(1);
            // TF-Java's generics rule this out; GraphDefs and raw builders do not.
            assertThatThrownBy(() -> g.graph.opBuilder("AddV2", "mixed").addInput(f.asOutput()).addInput(i.asOutput())
                    .build())
                    .isInstanceOf(TFInvalidArgumentException.class)
                    .hasMessageContaining("'mixed'").hasMessageContaining("float").hasMessageContaining("int32");
            assertThatThrownBy(() -> g.graph.opBuilder("Sqrt", "root").addInput(i.asOutput()).build())
                    .hasMessageContaining("'root'").hasMessageContaining("attr 'T' of int32 is not in the list");
            assertThatThrownBy(() -> g.graph.opBuilder("Select", "pick").addInput(f.asOutput()).addInput(f.asOutput())
                    .addInput(f.asOutput()).build())
                    .hasMessageContaining("'pick'").hasMessageContaining("condition");
        }
    }

    @Test
    void incompatibleBroadcastShapesNameTheNode() {
        try (GraphRun g = new GraphRun()) {
            assertThatThrownBy(() -> g.tf.withName("sum2").math.add(g.tf.constant(new float[] {1, 2, 3}),
                    g.tf.constant(new float[] {1, 2})))
                    .hasMessageContaining("'sum2'").hasMessageContaining("Dimensions must be equal, but are 3 and 2");
        }
    }

    @Test
    void reductionsWithNegativeAxesKeepDimsAndIntegerMean() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> x = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});
            assertThat(g.values(tf.sum(x, tf.constant(-1)))).containsExactly(6, 15);
            Operand<TFloat32> kept = tf.sum(x, tf.constant(new int[] {1}), Sum.keepDims(true));
            assertThat(g.shape(kept)).containsExactly(2, 1);
            assertThat(kept.shape().asArray()).containsExactly(2, 1);
            assertThat(g.values(tf.sum(x, tf.constant(new int[0])))).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(g.values(tf.math.mean(x, tf.constant(new long[] {0, 1})))).containsExactly(3.5);
            assertThat(g.values(tf.max(x, tf.constant(0)))).containsExactly(4, 5, 6);
            assertThat(g.values(tf.min(x, tf.constant(1)))).containsExactly(1, 4);
            assertThat(g.values(tf.prod(x, tf.constant(1)))).containsExactly(6, 120);
            Operand<TInt32> ints = tf.constant(new int[][] {{1, 2}, {-3, -4}});
            // TF divides integer means with C++ truncation: 3/2 = 1, -7/2 = -3.
            assertThat(g.values(tf.math.mean(ints, tf.constant(1), Mean.keepDims(false)))).containsExactly(1, -3);
            Operand<TBool> b = tf.math.greater(ints, tf.constant(0));
            assertThat(g.values(tf.all(b, tf.constant(1)))).containsExactly(1, 0);
            assertThat(g.values(tf.any(b, tf.constant(0)))).containsExactly(1, 1);
            assertThat(g.values(tf.math.argMax(x, tf.constant(1)))).containsExactly(2, 2);
            assertThat(tf.math.argMin(x, tf.constant(0), TInt32.class).asOutput().dataType())
                    .isEqualTo(org.tensorflow.proto.DataType.DT_INT32);
        }
    }

    @Test
    void badReductionAxesNameTheNode() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> x = tf.constant(new float[][] {{1, 2}, {3, 4}});
            assertThatThrownBy(() -> tf.withName("total").sum(x, tf.constant(2)))
                    .hasMessageContaining("'total'").hasMessageContaining("Invalid reduction dimension (2 for input with 2");
            assertThatThrownBy(() -> tf.withName("twice").sum(x, tf.constant(new int[] {1, -1})))
                    .hasMessageContaining("'twice'").hasMessageContaining("Axes contains duplicate dimension: 1");
            Operand<TInt32> axis = tf.placeholder(TInt32.class);
            Operand<TFloat32> late = tf.withName("late").max(x, axis);
            try (TInt32 three = TInt32.scalarOf(-3)) {
                assertThatThrownBy(() -> g.session.runner().feed(axis, three).fetch(late).run())
                        .hasMessageContaining("'late'").hasMessageContaining("Invalid reduction dimension (-3");
            }
            assertThatThrownBy(() -> g.values(tf.withName("am").math.argMax(x, tf.constant(5))))
                    .hasMessageContaining("'am'").hasMessageContaining("Expected dimension in the range [-2, 2), but got 5");
        }
    }

    @Test
    void gradientsFollowTf() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> x = tf.constant(new float[] {1, 2, -2});
            Operand<TFloat32> y = tf.constant(new float[] {1, 3, 2});
            // Maximum gives a tie to x (TF's GreaterEqual mask), not half to each as PyTorch does.
            Gradients max = tf.gradients(tf.math.maximum(x, y), List.of(x, y));
            assertThat(g.values(max.dy(0))).containsExactly(1, 0, 0);
            assertThat(g.values(max.dy(1))).containsExactly(0, 1, 1);
            // d(x^y)/dy is 0 where x <= 0 (TF), not NaN.
            Gradients pow = tf.gradients(tf.math.pow(x, y), List.of(y));
            assertThat(g.values(pow.dy(0))).containsExactly(new double[] {0, 8 * Math.log(2), 0}, within(1e-6));
        }
    }

    @Test
    void castsToBoolAndUint8() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> f = tf.constant(new float[] {-1.5f, 300.7f, 2.2f, 0f, Float.NaN});
            assertThat(g.values(tf.dtypes.cast(f, TBool.class))).containsExactly(1, 1, 1, 0, 1);
            Operand<TUint8> u = tf.dtypes.cast(tf.constant(new float[] {-1.5f, 300.7f, 2.2f}), TUint8.class);
            assertThat(g.values(u)).containsExactly(255, 44, 2);
            assertThat(g.values(tf.math.add(u, u))).containsExactly(254, 88, 4);
            assertThat(g.values(tf.dtypes.cast(tf.constant(new int[] {-7, 9}), TFloat32.class))).containsExactly(-7, 9);
            // Truncate rounds double to float toward zero (bit patterns read from TF 2.18: 1/3 -> 0x3EAAAAAA).
            Operand<TFloat32> third = tf.dtypes.cast(tf.constant(new double[] {1.0 / 3, -0.1, 3.4e39}), TFloat32.class,
                    dev.ember.tfcompat.op.dtypes.Cast.Truncate(true));
            assertThat(g.values(third)).containsExactly(0.3333333f, -0.099999994f, Float.POSITIVE_INFINITY);
            assertThat(g.values(tf.dtypes.cast(tf.constant(1.0 / 3), TFloat32.class))).containsExactly(0.33333334f);
        }
    }

    @Test
    void comparisonsSelectAndClip() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> x = tf.constant(new float[][] {{1, 5}, {-2, 0.5f}});
            Operand<TBool> big = tf.math.greaterEqual(x, tf.constant(1f));
            assertThat(g.values(big)).containsExactly(1, 1, 0, 0);
            assertThat(g.values(tf.select(big, x, tf.constant(0f)))).containsExactly(1, 5, 0, 0);
            assertThat(g.values(tf.clipByValue(x, tf.constant(-1f), tf.constant(2f)))).containsExactly(1, 2, -1, 0.5);
            assertThat(g.values(tf.where(big))).containsExactly(0, 0, 0, 1);
            assertThat(g.values(tf.math.addN(List.of(x, x, x)))).containsExactly(3, 15, -6, 1.5);
        }
    }
}
