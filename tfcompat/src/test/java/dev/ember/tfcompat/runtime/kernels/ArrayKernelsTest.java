package dev.ember.tfcompat.runtime.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.op.core.Placeholder;
import dev.ember.tfcompat.op.core.Split;
import dev.ember.tfcompat.op.core.Squeeze;
import dev.ember.tfcompat.op.core.StridedSlice;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TInt64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;

/** Array and shape kernels against hand-computed values; bad input names the node. */
class ArrayKernelsTest {

    /** [[[0..3], [4..7], [8..11]], [[12..15], [16..19], [20..23]]]. */
    private static Operand<TInt32> cube(Ops tf) {
        int[][][] v = new int[2][3][4];
        for (int i = 0; i < 24; i++) {
            v[i / 12][(i / 4) % 3][i % 4] = i;
        }
        return tf.constant(v);
    }

    @Test
    void reshapeInfersMinusOneStaticallyAndAtRunTime() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TInt32> r = tf.reshape(cube(tf), tf.constant(new int[] {4, -1}));
            assertThat(r.shape()).isEqualTo(Shape.of(4, 6));
            assertThat(g.shape(r)).containsExactly(4, 6);
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class);
            Operand<TFloat32> byShape = tf.reshape(p, tf.shape(tf.constant(new float[3][2])));
            try (TFloat32 six = TFloat32.tensorOf(Shape.of(6))) {
                try (var res = g.session.runner().feed(p, six).fetch(byShape).run()) {
                    assertThat(res.get(0).shape()).isEqualTo(Shape.of(3, 2));
                }
            }
        }
    }

    @Test
    void reshapeToTheWrongSizeNamesTheNode() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            assertThatThrownBy(() -> tf.withName("flat").reshape(cube(tf), tf.constant(new int[] {5, 5})))
                    .hasMessageContaining("'flat'").hasMessageContaining("Cannot reshape a tensor with 24 elements");
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class);
            Operand<TFloat32> r = tf.withName("late").reshape(p, tf.constant(new int[] {4}));
            try (TFloat32 six = TFloat32.tensorOf(Shape.of(2, 3))) {
                assertThatThrownBy(() -> g.session.runner().feed(p, six).fetch(r).run())
                        .hasMessageContaining("'late'")
                        .hasMessageContaining("Input to reshape is a tensor with 6 values, but the requested shape has 4");
            }
            assertThatThrownBy(() -> tf.withName("two").reshape(p, tf.constant(new int[] {-1, -1})))
                    .hasMessageContaining("'two'").hasMessageContaining("Cannot infer multiple unknown dimensions");
            Placeholder<TInt32> shape = tf.placeholder(TInt32.class);
            Operand<TFloat32> fed = tf.withName("fed").reshape(p, shape);
            try (TFloat32 six = TFloat32.tensorOf(Shape.of(2, 3));
                 TInt32 twice = TInt32.vectorOf(-1, -1)) {
                assertThatThrownBy(() -> g.session.runner().feed(p, six).feed(shape, twice).fetch(fed).run())
                        .hasMessageContaining("'fed'").hasMessageContaining("only one input size may be -1, not both 0 and 1");
            }
            assertThat(tf.withName("zz").zeros(tf.constant(new int[] {2}), TFloat32.class).op().name()).isEqualTo("zz/Fill");
        }
    }

    @Test
    void stridedSliceWithEveryMask() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TInt32> x = cube(tf);
            // x[..., 1]
            Operand<TInt32> last = tf.stridedSlice(x, Indices.ellipsis(), Indices.at(1));
            assertThat(last.shape()).isEqualTo(Shape.of(2, 3));
            assertThat(g.values(last)).containsExactly(1, 5, 9, 13, 17, 21);
            // x[1, ::-2, newaxis, 1:3]
            Operand<TInt32> mixed = tf.stridedSlice(x, Indices.at(1), Indices.slice(null, null, -2), Indices.newAxis(),
                    Indices.slice(1, 3));
            assertThat(g.shape(mixed)).containsExactly(2, 1, 2);
            assertThat(g.values(mixed)).containsExactly(21, 22, 13, 14);
            // begin/end/strides with masks: x[:, 2:0:-1, -1] via begin_mask on 0, shrink on 2.
            Operand<TInt32> masked = tf.stridedSlice(x, tf.constant(new int[] {5, 2, -1}), tf.constant(new int[] {0, 0, 0}),
                    tf.constant(new int[] {1, -1, 1}), StridedSlice.beginMask(1L), StridedSlice.endMask(1L),
                    StridedSlice.shrinkAxisMask(4L));
            assertThat(g.values(masked)).containsExactly(11, 7, 23, 19);
            // Out-of-range bounds are clamped; an empty range gives an empty tensor.
            assertThat(g.shape(tf.stridedSlice(x, Indices.slice(5, 9)))).containsExactly(0, 3, 4);
            // As in TF-Java, the helper's begin/end/strides constants take the name first: the slice is past_3.
            assertThatThrownBy(() -> g.values(tf.withName("past").stridedSlice(x, Indices.at(2))))
                    .hasMessageContaining("'past_3' (StridedSlice)")
                    .hasMessageContaining("slice index 2 of dimension 0 out of bounds.");
        }
    }

    @Test
    void gatherOneHotStitchAndSegments() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> p = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
            assertThat(g.values(tf.gather(p, tf.constant(new int[] {2, 0}), tf.constant(0)))).containsExactly(5, 6, 1, 2);
            assertThat(g.values(tf.gather(p, tf.constant(new long[] {1}), tf.constant(-1)))).containsExactly(2, 4, 6);
            assertThatThrownBy(() -> g.values(tf.withName("pick").gather(p, tf.constant(new int[] {3}), tf.constant(0))))
                    .hasMessageContaining("'pick'").hasMessageContaining("indices[0] = 3 is not in [0, 3)");
            assertThat(g.values(tf.oneHot(tf.constant(new int[] {2, -1}), tf.constant(3), tf.constant(1f), tf.constant(0f))))
                    .containsExactly(0, 0, 1, 0, 0, 0);
            Operand<TFloat32> stitched = tf.dynamicStitch(List.of(tf.constant(new int[] {0, 3}), tf.constant(new int[] {3})),
                    List.of(tf.constant(new float[] {10, 40}), tf.constant(new float[] {44})));
            assertThat(g.values(stitched)).containsExactly(10, 0, 0, 44);
            assertThat(g.values(tf.math.unsortedSegmentSum(tf.constant(new float[] {1, 2, 3, 4}),
                    tf.constant(new int[] {1, -1, 1, 0}), tf.constant(3)))).containsExactly(4, 4, 0);
            var diff = tf.setDiff1d(tf.constant(new int[] {4, 1, 4, 2}), tf.constant(new int[] {1, 3}));
            assertThat(g.values(diff.out())).containsExactly(4, 4, 2);
            assertThat(g.values(diff.idx())).containsExactly(0, 2, 3);
        }
    }

    @Test
    void shapesRangesAndBroadcastArithmetic() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TInt32> x = cube(tf);
            assertThat(g.values(tf.shape(x))).containsExactly(2, 3, 4);
            assertThat(tf.shape(x, TInt64.class).asOutput().dataType()).isEqualTo(org.tensorflow.proto.DataType.DT_INT64);
            assertThat(g.values(tf.size(x))).containsExactly(24);
            assertThat(g.values(tf.rank(x))).containsExactly(3);
            assertThat(g.values(tf.range(tf.constant(10), tf.constant(1), tf.constant(-4)))).containsExactly(10, 6, 2);
            assertThat(g.values(tf.range(tf.constant(0.5f), tf.constant(2f), tf.constant(0.5f)))).containsExactly(0.5, 1, 1.5);
            var args = tf.broadcastGradientArgs(tf.constant(new int[] {2, 1, 3}), tf.constant(new int[] {1, 3}));
            assertThat(g.values(args.r0())).containsExactly(1);
            // The dimension where both are 1 is listed for both, as in TF.
            assertThat(g.values(args.r1())).containsExactly(0, 1);
            assertThat(g.values(tf.broadcastDynamicShape(tf.constant(new int[] {2, 1}), tf.constant(new int[] {3}))))
                    .containsExactly(2, 3);
            assertThat(g.values(tf.math.invertPermutation(tf.constant(new int[] {2, 0, 1})))).containsExactly(1, 2, 0);
            assertThat(g.values(tf.fill(tf.constant(new int[] {2, 2}), tf.constant(7)))).containsExactly(7, 7, 7, 7);
            assertThat(g.values(tf.zeros(tf.constant(new int[] {3}), TFloat32.class))).containsExactly(0, 0, 0);
            assertThat(g.values(tf.tile(tf.constant(new int[] {1, 2}), tf.constant(new int[] {2})))).containsExactly(1, 2, 1, 2);
            assertThat(g.values(tf.pad(tf.constant(new int[] {1, 2}), tf.constant(new int[][] {{1, 2}}), tf.constant(9))))
                    .containsExactly(9, 1, 2, 9, 9);
        }
    }

    @Test
    void joiningAndSplitting() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> a = tf.constant(new float[][] {{1, 2}, {3, 4}});
            Operand<TFloat32> b = tf.constant(new float[][] {{5, 6}});
            Operand<TFloat32> c = tf.concat(List.of(a, b), tf.constant(0));
            assertThat(c.shape()).isEqualTo(Shape.of(3, 2));
            assertThat(g.values(c)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(g.values(tf.stack(List.of(a, a), dev.ember.tfcompat.op.core.Stack.axis(-1L))))
                    .containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
            Split<TFloat32> halves = tf.split(tf.constant(1), a, 2L);
            assertThat(g.values(halves.output().get(1))).containsExactly(2, 4);
            assertThat(g.values(tf.unstack(a, 2L).output().get(1))).containsExactly(3, 4);
            assertThat(g.values(tf.linalg.transpose(a, tf.constant(new int[] {1, 0})))).containsExactly(1, 3, 2, 4);
            assertThat(g.values(tf.reverse(a, tf.constant(new int[] {-1})))).containsExactly(2, 1, 4, 3);
            assertThat(g.shape(tf.squeeze(tf.expandDims(a, tf.constant(1)), Squeeze.axis(1L)))).containsExactly(2, 2);
        }
    }

    @Test
    void opsBuiltGraphsSurviveAGraphDefRoundTrip() {
        double[][] expected = new double[5][];
        String[] names = new String[5];
        org.tensorflow.proto.GraphDef def;
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TInt32> x = cube(tf);
            List<Operand<?>> outs = List.of(
                    tf.withName("o0").stridedSlice(x, Indices.at(1), Indices.slice(null, null, -2), Indices.newAxis()),
                    tf.withName("o1").squeeze(tf.expandDims(tf.shape(x, TInt64.class), tf.constant(0)), Squeeze.axis(0L)),
                    tf.withName("o2").gather(x, tf.constant(new int[][] {{1}, {0}}), tf.constant(2),
                            dev.ember.tfcompat.op.core.Gather.batchDims(1L)),
                    tf.withName("o3").math.cumsum(tf.oneHot(tf.constant(new int[] {1, 0}), tf.constant(3), tf.constant(1f),
                            tf.constant(0f), dev.ember.tfcompat.op.core.OneHot.axis(0L)), tf.constant(0),
                            dev.ember.tfcompat.op.math.Cumsum.exclusive(true)),
                    tf.withName("o4").concat(List.of(x, x), tf.constant(-1)));
            for (int i = 0; i < outs.size(); i++) {
                expected[i] = g.values(outs.get(i));
                names[i] = outs.get(i).op().name();
            }
            def = g.graph.toGraphDef();
        }
        try (dev.ember.tfcompat.Graph imported = new dev.ember.tfcompat.Graph();
             dev.ember.tfcompat.Session s = new dev.ember.tfcompat.Session(imported)) {
            imported.importGraphDef(def);
            for (int i = 0; i < expected.length; i++) {
                try (var r = s.runner().fetch(names[i]).run()) {
                    double[] v = dev.ember.tfcompat.internal.types.TypeInfo.toEngine(r.get(0))
                            .to(dev.ember.engine.DType.FLOAT64).toDoubleArray();
                    assertThat(v).as("o" + i).containsExactly(expected[i]);
                }
            }
        }
        assertThat(expected[1]).containsExactly(2, 3, 4);
        assertThat(expected[2]).containsExactly(1, 5, 9, 12, 16, 20);
        assertThat(expected[3]).containsExactly(0, 0, 0, 1, 1, 1);
    }

    @Test
    void badArrayArgumentsNameTheNode() {
        try (GraphRun g = new GraphRun()) {
            Ops tf = g.tf;
            Operand<TFloat32> a = tf.constant(new float[][] {{1, 2, 3}});
            assertThatThrownBy(() -> tf.withName("sq").squeeze(a, Squeeze.axis(1L)))
                    .hasMessageContaining("'sq'").hasMessageContaining("Can not squeeze dim[1], expected a dimension of 1, got 3");
            assertThatThrownBy(() -> tf.withName("tr").linalg.transpose(a, tf.constant(new int[] {0, 0})))
                    .hasMessageContaining("'tr'").hasMessageContaining("0 is duplicated");
            assertThatThrownBy(() -> tf.withName("cat").concat(List.of(a, tf.constant(new float[] {1})), tf.constant(0)))
                    .hasMessageContaining("'cat'").hasMessageContaining("Shape must be rank 2 but is rank 1");
            assertThatThrownBy(() -> g.values(tf.withName("halves").split(tf.constant(1), a, 2L).output().get(0)))
                    .hasMessageContaining("'halves'").hasMessageContaining("evenly divisible by 2 but is 3");
            assertThatThrownBy(() -> tf.withName("ax").expandDims(a, tf.constant(4)))
                    .hasMessageContaining("'ax'").hasMessageContaining("Tried to expand dim index 4 for tensor with 2 dimensions");
            assertThatThrownBy(() -> g.values(tf.withName("bt").broadcastTo(a, tf.constant(new int[] {2, 2}))))
                    .hasMessageContaining("'bt'").hasMessageContaining("Incompatible shapes: [1,3] vs. [2,2]");
            assertThatThrownBy(() -> g.values(tf.withName("rng").range(tf.constant(1), tf.constant(5), tf.constant(-1))))
                    .hasMessageContaining("'rng'").hasMessageContaining("Requires start >= limit when delta < 0: 1/5");
        }
    }
}
