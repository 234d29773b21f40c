package dev.ember.parity.tfcompat;

import static dev.ember.parity.tfcompat.RawOps.outs;
import static dev.ember.parity.tfcompat.RawOps.raw;
import static dev.ember.parity.tfcompat.TfOpParity.input;

import dev.ember.parity.tfcompat.TfOpParity.In;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.core.SplitV;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Parity cases for array ops: reshape/transpose/concat/stack/unstack, slicing (Slice, every
 * StridedSlice mask, Split/SplitV), gather, padding, tiling, broadcasting, one-hot, shapes and
 * the shape arithmetic of TF's gradient graphs (BroadcastGradientArgs, ConcatOffset, DynamicStitch).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class ArrayParityCases {
    private ArrayParityCases() {
    }

    static List<TfOpParity> cases() {
        List<TfOpParity> all = new ArrayList<>();
        reshaping(all);
        slicing(all);
        stridedSlices(all);
        indexing(all);
        shapes(all);
        return all;
    }

    private static void reshaping(List<TfOpParity> all) {
        all.add(TfOpParity.of("reshape with -1").in(In.f32("a", 2, 3, 4))
                .build(tf -> outs("y", tf.reshape(input("a"), tf.constant(new int[] {4, -1})))));
        all.add(TfOpParity.of("reshape to the shape of another tensor").in(In.f64("a", 2, 6)).in(In.f64("b", 3, 4))
                .build(tf -> outs("y", tf.math.mul(tf.reshape(input("a"), tf.shape(input("b"))), input("b")))));
        all.add(TfOpParity.of("reshape int64 shape, int values").in(In.i32("a", -5, 5, 6)).noGradients()
                .build(tf -> outs("y", tf.reshape(input("a"), tf.constant(new long[] {-1, 1, 2})))));
        all.add(TfOpParity.of("transpose [1,0,2]").in(In.f32("a", 2, 3, 4))
                .build(tf -> outs("y", tf.linalg.transpose(input("a"), tf.constant(new int[] {1, 0, 2})))));
        all.add(TfOpParity.of("transpose [2,0,1] int64 perm").in(In.f64("a", 2, 3, 4))
                .build(tf -> outs("y", tf.linalg.transpose(input("a"), tf.constant(new long[] {2, 0, 1})))));
        all.add(TfOpParity.of("concat axis 0").in(In.f32("a", 2, 3)).in(In.f32("b", 1, 3)).in(In.f32("c", 3, 3))
                .build(tf -> outs("y", tf.concat(List.of(input("a"), input("b"), input("c")), tf.constant(0)))));
        all.add(TfOpParity.of("concat axis -1").in(In.f64("a", 2, 2, 1)).in(In.f64("b", 2, 2, 3))
                .build(tf -> outs("y", tf.concat(List.of(input("a"), input("b")), tf.constant(-1)))));
        // TF's C++ ConcatV2 gradient crashes (SIGSEGV) on an int64 axis: values only.
        all.add(TfOpParity.of("concat int64 axis").in(In.f64("a", 2, 2, 1)).in(In.f64("b", 2, 2, 3)).noGradients()
                .build(tf -> outs("y", tf.concat(List.of(input("a"), input("b")), tf.constant(-1L)))));
        all.add(TfOpParity.of("Concat v1 (concat_dim first)").in(In.f32("a", 2, 3)).in(In.f32("b", 2, 2)).noGradients()
                .build(tf -> {
                    org.tensorflow.OperationBuilder b = tf.scope().opBuilder("Concat", "Concat");
                    b.addInput(tf.constant(1).asOutput());
                    b.addInputList(new org.tensorflow.Output<?>[] {input("a").asOutput(), input("b").asOutput()});
                    return outs("y", b.build().output(0));
                }));
        all.add(TfOpParity.of("concat int32").in(In.i32("a", -5, 5, 2)).in(In.i32("b", -5, 5, 3)).noGradients()
                .build(tf -> outs("y", tf.concat(List.of(input("a"), input("b")), tf.constant(0)))));
        for (long axis : new long[] {0, 1, -1}) {
            all.add(TfOpParity.of("stack axis " + axis).in(In.f32("a", 2, 3)).in(In.f32("b", 2, 3))
                    .build(tf -> outs("y", tf.stack(List.of(input("a"), input("b"), input("a")), Stack.axis(axis)))));
        }
        all.add(TfOpParity.of("unstack axis 1").in(In.f32("a", 2, 3, 2))
                .build(tf -> {
                    Unstack<TFloat32> u = tf.unstack(input("a"), 3L, Unstack.axis(1L));
                    return outs("y", tf.math.add(u.output().get(0), tf.math.mul(u.output().get(2), tf.constant(2f))),
                            "y1", u.output().get(1));
                }));
        all.add(TfOpParity.of("unstack axis 0 int64").in(In.i64("a", -5, 5, 2, 3)).noGradients()
                .build(tf -> {
                    Unstack<TInt64> u = tf.unstack(input("a"), 2L);
                    return outs("y0", u.output().get(0), "y1", u.output().get(1));
                }));
        all.add(TfOpParity.of("expandDims 1, 0, -1, int64 -3").in(In.f32("a", 2, 3))
                .build(tf -> outs("y", tf.expandDims(input("a"), tf.constant(1)),
                        "y0", tf.expandDims(input("a"), tf.constant(0)), "y1", tf.expandDims(input("a"), tf.constant(-1)),
                        "y2", tf.expandDims(input("a"), tf.constant(-3L)))));
        all.add(TfOpParity.of("squeeze all").in(In.f32("a", 1, 3, 1, 2))
                .build(tf -> outs("y", tf.squeeze(input("a")))));
        all.add(TfOpParity.of("squeeze axis 2 and -4").in(In.f64("a", 1, 3, 1, 2))
                .build(tf -> outs("y", tf.squeeze(input("a"), Squeeze.axis(2L, -4L)))));
        all.add(TfOpParity.of("tile").in(In.f32("a", 2, 1, 3))
                .build(tf -> outs("y", tf.tile(input("a"), tf.constant(new int[] {2, 3, 1})))));
        all.add(TfOpParity.of("tile int64 multiples, int values").in(In.i32("a", -5, 5, 2, 2)).noGradients()
                .build(tf -> outs("y", tf.tile(input("a"), tf.constant(new long[] {1, 3})))));
        all.add(TfOpParity.of("broadcastTo [3] -> [2,3]").in(In.f32("a", 3))
                .build(tf -> outs("y", tf.broadcastTo(input("a"), tf.constant(new int[] {2, 3})))));
        all.add(TfOpParity.of("broadcastTo [2,1] -> [3,2,4]").in(In.f64("a", 2, 1))
                .build(tf -> outs("y", tf.broadcastTo(input("a"), tf.constant(new int[] {3, 2, 4})))));
        all.add(TfOpParity.of("broadcastTo int64 shape").in(In.f64("a", 2, 1)).noGradients()
                .build(tf -> outs("y", tf.broadcastTo(input("a"), tf.constant(new long[] {3, 2, 4})))));
        all.add(TfOpParity.of("reverse axis 0").in(In.f32("a", 3, 2))
                .build(tf -> outs("y", tf.reverse(input("a"), tf.constant(new int[] {0})))));
        all.add(TfOpParity.of("reverse axes [-1, 0]").in(In.f64("a", 2, 3, 4))
                .build(tf -> outs("y", tf.reverse(input("a"), tf.constant(new long[] {-1, 0})))));
    }

    private static void slicing(List<TfOpParity> all) {
        all.add(TfOpParity.of("slice with -1 size").in(In.f32("a", 3, 4, 2))
                .build(tf -> outs("y", tf.slice(input("a"), tf.constant(new int[] {1, 0, 1}),
                        tf.constant(new int[] {2, -1, 1})))));
        all.add(TfOpParity.of("slice int64 arguments").in(In.f64("a", 5)).noGradients()
                .build(tf -> outs("y", tf.slice(input("a"), tf.constant(new long[] {2}), tf.constant(new long[] {3})))));
        all.add(TfOpParity.of("split 3 ways on axis 1").in(In.f32("a", 2, 6))
                .build(tf -> {
                    Split<TFloat32> s = tf.split(tf.constant(1), input("a"), 3L);
                    return outs("y", tf.math.mul(s.output().get(1), s.output().get(2)), "y0", s.output().get(0));
                }));
        all.add(TfOpParity.of("split on axis -1 of 1 part").in(In.f32("a", 2, 3)).noGradients()
                .build(tf -> outs("y", tf.split(tf.constant(-1), input("a"), 1L).output().get(0))));
        all.add(TfOpParity.of("splitV with -1").in(In.f64("a", 6, 2))
                .build(tf -> {
                    SplitV<org.tensorflow.types.TFloat64> s = tf.splitV(input("a"), tf.constant(new int[] {1, -1, 2}),
                            tf.constant(0), 3L);
                    return outs("y", tf.math.add(tf.sum(s.output().get(1), tf.constant(0)), tf.sum(s.output().get(2),
                            tf.constant(0))), "y0", s.output().get(0));
                }));
        all.add(TfOpParity.of("pad (PadV2) with a constant").in(In.f32("a", 2, 3))
                .build(tf -> outs("y", tf.pad(input("a"), tf.constant(new int[][] {{1, 0}, {2, 1}}), tf.constant(0.5f)))));
        all.add(TfOpParity.of("Pad zeros").in(In.f64("a", 2, 1, 2))
                .build(tf -> outs("y", raw(tf, "Pad", input("a"), tf.constant(new int[][] {{0, 1}, {1, 1}, {0, 0}})))));
        all.add(TfOpParity.of("Pad zeros int64 paddings").in(In.f64("a", 2, 1, 2)).noGradients()
                .build(tf -> outs("y", raw(tf, "Pad", input("a"), tf.constant(new long[][] {{0, 1}, {1, 1}, {0, 0}})))));
        all.add(TfOpParity.of("pad int32 values").in(In.i32("a", -5, 5, 3)).noGradients()
                .build(tf -> outs("y", tf.pad(input("a"), tf.constant(new int[][] {{2, 1}}), tf.constant(7)))));
    }

    private static void stridedSlices(List<TfOpParity> all) {
        all.add(TfOpParity.of("stridedSlice Indices at, all (shrink)").in(In.f32("a", 3, 4))
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.at(1), Indices.all()))));
        all.add(TfOpParity.of("stridedSlice Indices at(-1), slice(1,-1)").in(In.f32("a", 3, 4))
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.slice(1, -1), Indices.at(-1)))));
        all.add(TfOpParity.of("stridedSlice Indices flip, step 2").in(In.f64("a", 4, 5))
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.flip(), Indices.step(2)))));
        all.add(TfOpParity.of("stridedSlice Indices newAxis, ellipsis, at").in(In.f32("a", 2, 3, 4))
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.newAxis(), Indices.ellipsis(), Indices.at(2)))));
        all.add(TfOpParity.of("stridedSlice Indices ellipsis in the middle").in(In.f32("a", 2, 3, 4, 2))
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.at(1), Indices.ellipsis(),
                        Indices.sliceFrom(1), Indices.newAxis()))));
        all.add(TfOpParity.of("stridedSlice negative stride with bounds").in(In.f32("a", 6))
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.slice(4L, 0L, -2)))));
        all.add(TfOpParity.of("stridedSlice begin/end masks").in(In.f32("a", 4, 5))
                .build(tf -> outs("y", ss(tf, input("a"), new int[] {3, 1}, new int[] {0, 4}, new int[] {-1, 2},
                        StridedSlice.beginMask(1L), StridedSlice.endMask(3L)))));
        all.add(TfOpParity.of("stridedSlice ellipsis + new axis masks").in(In.f64("a", 2, 3, 4))
                .build(tf -> outs("y", ss(tf, input("a"), new int[] {0, 0, 1}, new int[] {0, 0, 3}, new int[] {1, 1, 1},
                        StridedSlice.ellipsisMask(1L), StridedSlice.newAxisMask(2L)))));
        all.add(TfOpParity.of("stridedSlice shrink + clamped out-of-range").in(In.f32("a", 3, 4))
                .build(tf -> outs("y", ss(tf, input("a"), new int[] {-2, -10}, new int[] {0, 10}, new int[] {1, 1},
                        StridedSlice.shrinkAxisMask(1L)))));
        all.add(TfOpParity.of("stridedSlice int64 spec, empty result").in(In.f32("a", 3, 4)).noGradients()
                .build(tf -> outs("y", tf.math.add(tf.sum(tf.stridedSlice(input("a"), tf.constant(new long[] {2}),
                        tf.constant(new long[] {1}), tf.constant(new long[] {1})), tf.constant(new int[] {0, 1})),
                        tf.sum(input("a"), tf.constant(new int[] {0, 1}))))));
        all.add(TfOpParity.of("stridedSlice int values").in(In.i32("a", -5, 5, 4, 3)).noGradients()
                .build(tf -> outs("y", tf.stridedSlice(input("a"), Indices.slice(null, null, -3L), Indices.at(1)))));
    }

    private static Operand<?> ss(org.tensorflow.op.Ops tf, Operand x, int[] b, int[] e, int[] s,
            StridedSlice.Options... options) {
        return tf.stridedSlice(x, tf.constant(b), tf.constant(e), tf.constant(s), options);
    }

    private static void indexing(List<TfOpParity> all) {
        all.add(TfOpParity.of("gather axis 0, 2-D indices").in(In.f32("a", 4, 3)).in(In.i32("i", 0, 4, 2, 3))
                .build(tf -> outs("y", tf.gather(input("a"), input("i"), tf.constant(0)))));
        all.add(TfOpParity.of("gather axis 1 int64 indices").in(In.f64("a", 2, 5, 2)).in(In.i64("i", 0, 5, 4))
                .build(tf -> outs("y", tf.gather(input("a"), input("i"), tf.constant(1)))));
        all.add(TfOpParity.of("gather int64 axis").in(In.f64("a", 2, 5, 2)).in(In.i64("i", 0, 5, 4)).noGradients()
                .build(tf -> outs("y", tf.gather(input("a"), input("i"), tf.constant(1L)))));
        all.add(TfOpParity.of("gather axis 1 scalar index").in(In.f32("a", 3, 4))
                .build(tf -> outs("y", tf.gather(input("a"), tf.constant(2), tf.constant(1)))));
        // TF's C++ GatherV2 gradient cannot take a negative axis (it slices with begin -1): values only.
        all.add(TfOpParity.of("gather axis -1").in(In.f32("a", 3, 4)).noGradients()
                .build(tf -> outs("y", tf.gather(input("a"), tf.constant(new int[] {3, 0}), tf.constant(-1)))));
        all.add(TfOpParity.of("gather batch_dims 1").in(In.f32("a", 2, 4, 3)).in(In.i32("i", 0, 4, 2, 5))
                .build(tf -> outs("y", tf.gather(input("a"), input("i"), tf.constant(1), Gather.batchDims(1L)))));
        all.add(TfOpParity.of("gather int32 params").in(In.i32("a", -9, 9, 5)).in(In.i32("i", 0, 5, 3)).noGradients()
                .build(tf -> outs("y", tf.gather(input("a"), input("i"), tf.constant(0)))));
        all.add(TfOpParity.of("oneHot axis -1 with out-of-range").in(In.i32("i", -1, 4, 5)).noGradients()
                .build(tf -> outs("y", tf.oneHot(input("i"), tf.constant(3), tf.constant(2f), tf.constant(-1f)))));
        all.add(TfOpParity.of("oneHot axis 0 and 1, int64 indices").in(In.i64("i", 0, 3, 2, 2)).noGradients()
                .build(tf -> outs("y0", tf.oneHot(input("i"), tf.constant(3), tf.constant(1), tf.constant(0),
                        OneHot.axis(0L)),
                        "y1", tf.oneHot(input("i"), tf.constant(4), tf.constant(1.0), tf.constant(0.0), OneHot.axis(1L)))));
        all.add(TfOpParity.of("dynamicStitch").in(In.f32("a", 2, 3)).in(In.f32("b", 3, 3))
                .build(tf -> outs("y", tf.dynamicStitch(List.of(tf.constant(new int[] {0, 4}), tf.constant(new int[] {1, 2, 4})),
                        List.of(input("a"), input("b"))))));
        all.add(TfOpParity.of("dynamicStitch gaps and overwrites, int").in(In.i32("a", -5, 5, 3)).noGradients()
                .build(tf -> outs("y", tf.dynamicStitch(List.of(tf.constant(new int[] {3, 1}), tf.constant(new int[] {1})),
                        List.of(tf.slice(input("a"), tf.constant(new int[] {0}), tf.constant(new int[] {2})),
                                tf.slice(input("a"), tf.constant(new int[] {2}), tf.constant(new int[] {1})))))));
        all.add(TfOpParity.of("ParallelDynamicStitch").in(In.f64("a", 2, 2)).in(In.f64("b", 1, 2)).noGradients()
                .build(tf -> {
                    org.tensorflow.OperationBuilder b = tf.scope().opBuilder("ParallelDynamicStitch", "Stitch");
                    b.addInputList(new org.tensorflow.Output<?>[] {tf.constant(new int[] {2, 0}).asOutput(),
                        tf.constant(new int[] {1}).asOutput()});
                    b.addInputList(new org.tensorflow.Output<?>[] {input("a").asOutput(), input("b").asOutput()});
                    return outs("y", b.build().output(0));
                }));
        all.add(TfOpParity.of("setDiff1d (ListDiff)").in(In.i32("a", 0, 6, 8)).in(In.f32("f", 5)).noGradients()
                .build(tf -> {
                    var d = tf.setDiff1d(input("a"), tf.constant(new int[] {1, 3, 4}));
                    var f = tf.setDiff1d(input("f"), tf.slice(input("f"), tf.constant(new int[] {1}),
                            tf.constant(new int[] {2})), TInt64.class);
                    return outs("out", d.out(), "idx", d.idx(), "fout", f.out(), "fidx", f.idx());
                }));
        all.add(TfOpParity.of("invertPermutation").in(In.i32("a", 0, 1, 1)).noGradients()
                .build(tf -> outs("y", tf.math.invertPermutation(tf.math.add(tf.constant(new int[] {2, 0, 3, 1}),
                        tf.math.mul(input("a"), tf.constant(0)))))));
    }

    private static void shapes(List<TfOpParity> all) {
        all.add(TfOpParity.of("shape size rank").in(In.f32("a", 2, 3, 4)).noGradients()
                .build(tf -> outs("shape", tf.shape(input("a")), "shape64", tf.shape(input("a"), TInt64.class),
                        "size", tf.size(input("a")), "size64", tf.size(input("a"), TInt64.class), "rank", tf.rank(input("a")))));
        all.add(TfOpParity.of("shapeN").in(In.f32("a", 2, 3)).in(In.f32("b", 4)).noGradients()
                .build(tf -> {
                    var n = tf.shapeN(List.of(input("a"), input("b")), TInt64.class);
                    return outs("s0", n.output().get(0), "s1", n.output().get(1));
                }));
        all.add(TfOpParity.of("fill gradient to the value").in(In.f32("v"))
                .build(tf -> outs("y", tf.fill(tf.constant(new int[] {2, 3}), input("v")))));
        all.add(TfOpParity.of("zeros ones zerosLike onesLike").in(In.f64("a", 2, 3))
                .build(tf -> outs("y", tf.math.mul(input("a"), tf.ones(tf.shape(input("a")),
                        org.tensorflow.types.TFloat64.class)),
                        "zeros", tf.zeros(tf.constant(new long[] {2, 2}), TInt32.class),
                        "ones", tf.ones(tf.shape(input("a")), TFloat32.class),
                        "zerosLike", tf.zerosLike(input("a")), "onesLike", tf.onesLike(input("a")))));
        all.add(TfOpParity.of("range int32").in(In.i32("n", 5, 12)).noGradients()
                .build(tf -> outs("y", tf.range(tf.constant(1), input("n"), tf.constant(3)),
                        "down", tf.range(input("n"), tf.constant(-2), tf.constant(-4)))));
        all.add(TfOpParity.of("range float").in(In.f32("s").range(0, 1)).noGradients()
                .build(tf -> outs("y", tf.range(input("s"), tf.constant(3.1f), tf.constant(0.7f)),
                        "f64", tf.range(tf.constant(2.5), tf.constant(-1.0), tf.constant(-0.5)))));
        all.add(TfOpParity.of("broadcastDynamicShape and BroadcastGradientArgs").in(In.i32("z", 0, 1)).noGradients()
                .build(tf -> {
                    Operand<TInt32> s0 = tf.math.add(tf.constant(new int[] {2, 1, 3}), input("z"));
                    Operand<TInt32> s1 = tf.constant(new int[] {1, 3});
                    var args = tf.broadcastGradientArgs(s0, s1);
                    var ones = tf.broadcastGradientArgs(tf.constant(new long[] {1, 3}), tf.constant(new long[] {1, 1, 3}));
                    return outs("shape", tf.broadcastDynamicShape(s0, s1), "r0", args.r0(), "r1", args.r1(),
                            "ones_r0", ones.r0(), "ones_r1", ones.r1());
                }));
        all.add(TfOpParity.of("concatOffset").in(In.i32("z", 0, 1)).noGradients()
                .build(tf -> {
                    var offsets = tf.concatOffset(tf.constant(1), List.of(tf.constant(new int[] {2, 3}),
                            tf.math.add(tf.constant(new int[] {2, 4}), input("z")), tf.constant(new int[] {2, 1})));
                    return outs("o0", offsets.offset().get(0), "o1", offsets.offset().get(1), "o2", offsets.offset().get(2));
                }));
        all.add(TfOpParity.of("stridedSliceGrad direct").in(In.f32("dy", 2, 2)).noGradients()
                .build(tf -> outs("y", tf.stridedSliceGrad(tf.constant(new int[] {4, 3}), tf.constant(new int[] {3, 0}),
                        tf.constant(new int[] {0, 3}), tf.constant(new int[] {-2, 2}), input("dy")))));
    }
}
