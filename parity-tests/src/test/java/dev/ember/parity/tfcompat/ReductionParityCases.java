package dev.ember.parity.tfcompat;

import static dev.ember.parity.tfcompat.RawOps.outs;
import static dev.ember.parity.tfcompat.RawOps.raw;
import static dev.ember.parity.tfcompat.TfOpParity.input;

import dev.ember.parity.tfcompat.TfOpParity.In;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.core.ReduceAll;
import org.tensorflow.op.core.ReduceAny;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Equal;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Parity cases for reductions (axis as a tensor, negative and repeated axes, keep_dims both ways,
 * int and float), ArgMax/ArgMin, comparisons and logical ops, Select/SelectV2/Where, matrix
 * products (MatMul, BatchMatMul, V2 broadcasting, V3) and UnsortedSegmentSum.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class ReductionParityCases {
    private ReductionParityCases() {
    }

    static List<TfOpParity> cases() {
        List<TfOpParity> all = new ArrayList<>();
        reductions(all);
        comparisons(all);
        products(all);
        return all;
    }

    private static void reductions(List<TfOpParity> all) {
        for (boolean keep : new boolean[] {false, true}) {
            String k = keep ? " keep_dims" : "";
            all.add(TfOpParity.of("sum axis 1" + k).in(In.f32("a", 2, 3, 4))
                    .build(tf -> outs("y", tf.sum(input("a"), tf.constant(1), Sum.keepDims(keep)))));
            all.add(TfOpParity.of("sum axes [0,-1]" + k).in(In.f64("a", 2, 3, 4))
                    .build(tf -> outs("y", tf.reduceSum(input("a"), tf.constant(new int[] {0, -1}),
                            org.tensorflow.op.core.ReduceSum.keepDims(keep)))));
            all.add(TfOpParity.of("mean axis -1" + k).in(In.f32("a", 3, 4))
                    .build(tf -> outs("y", tf.math.mean(input("a"), tf.constant(new int[] {-1}), Mean.keepDims(keep)))));
            // TF's C++ MeanGrad crashes (SIGSEGV) on int64 axes, so this one compares values only.
            all.add(TfOpParity.of("mean int64 axes" + k).in(In.f32("a", 3, 4)).noGradients()
                    .build(tf -> outs("y", tf.math.mean(input("a"), tf.constant(new long[] {-1}), Mean.keepDims(keep)))));
            all.add(TfOpParity.of("max axis 0" + k).in(In.f32("a", 4, 3))
                    .build(tf -> outs("y", tf.max(input("a"), tf.constant(0), Max.keepDims(keep)))));
            all.add(TfOpParity.of("min axes [1,2]" + k).in(In.f64("a", 2, 3, 2))
                    .build(tf -> outs("y", tf.min(input("a"), tf.constant(new int[] {1, 2}), Min.keepDims(keep)))));
            all.add(TfOpParity.of("prod axes [0,2]" + k).in(In.f32("a", 2, 3, 2).range(0.5, 1.5))
                    .build(tf -> outs("y", tf.prod(input("a"), tf.constant(new int[] {0, 2}), Prod.keepDims(keep)))));
            all.add(TfOpParity.of("int32 sum mean max min prod" + k).in(In.i32("a", -7, 7, 3, 4)).noGradients()
                    .build(tf -> {
                        Operand<TInt32> ax = tf.constant(1);
                        return outs("sum", tf.sum(input("a"), ax, Sum.keepDims(keep)),
                                "mean", tf.math.mean(input("a"), ax, Mean.keepDims(keep)),
                                "max", tf.max(input("a"), ax, Max.keepDims(keep)),
                                "min", tf.min(input("a"), ax, Min.keepDims(keep)),
                                "prod", tf.prod(input("a"), ax, Prod.keepDims(keep)));
                    }));
            all.add(TfOpParity.of("all any" + k).in(In.i32("a", 0, 3, 3, 4)).noGradients()
                    .build(tf -> {
                        Operand<TBool> b = tf.math.greater(input("a"), tf.constant(0));
                        return outs("all", tf.all(b, tf.constant(new int[] {1}), org.tensorflow.op.core.All.keepDims(keep)),
                                "any", tf.any(b, tf.constant(0), org.tensorflow.op.core.Any.keepDims(keep)),
                                "reduceAll", tf.reduceAll(b, tf.constant(new int[] {0, 1}), ReduceAll.keepDims(keep)),
                                "reduceAny", tf.reduceAny(b, tf.constant(-1), ReduceAny.keepDims(keep)));
                    }));
        }
        all.add(TfOpParity.of("sum over all axes [1, -2]").in(In.f32("a", 2, 3))
                .build(tf -> outs("y", tf.sum(input("a"), tf.constant(new int[] {1, -2})))));
        all.add(TfOpParity.of("prod with zeros").in(In.f64("a", 3, 4))
                .build(tf -> outs("y", tf.prod(tf.math.mul(input("a"), tf.constant(new double[][] {{1, 0, 1, 1},
                        {0, 1, 0, 1}, {1, 1, 1, 1}})), tf.constant(1)))));
        all.add(TfOpParity.of("sum over no axes").in(In.f32("a", 2, 3))
                .build(tf -> outs("y", tf.sum(input("a"), tf.constant(new int[0])))));
        all.add(TfOpParity.of("mean int64 of int64 axis input").in(In.i64("a", -9, 9, 3, 5)).in(In.i32("axis", 0, 2))
                .noGradients()
                .build(tf -> outs("y", tf.math.mean(input("a"), input("axis")))));
        all.add(TfOpParity.of("sum axis from a placeholder").in(In.f32("a", 3, 4)).in(In.i32("axis", 0, 2))
                .build(tf -> outs("y", tf.sum(input("a"), input("axis")))));
        all.add(TfOpParity.of("max with ties").in(In.i32("a", 0, 3, 4, 3))
                .build(tf -> outs("y", tf.max(tf.dtypes.cast(input("a"), TFloat32.class), tf.constant(0)))).noGradients());
        // Ties: a + stopGradient(round(a) - a) has integral values and d/da = 1; both sides split the gradient.
        all.add(TfOpParity.of("max gradient splits ties").in(In.f32("a", 4, 3))
                .build(tf -> {
                    Operand<TFloat32> a = input("a");
                    return outs("y", tf.max(tf.math.add(a, tf.stopGradient(tf.math.sub(tf.math.round(a), a))),
                            tf.constant(1)));
                }));
        all.add(TfOpParity.of("cumsum axis 1").in(In.f32("a", 2, 4))
                .build(tf -> outs("y", tf.math.cumsum(input("a"), tf.constant(1)))));
        all.add(TfOpParity.of("cumsum exclusive reverse axis 0").in(In.f64("a", 3, 2))
                .build(tf -> outs("y", tf.math.cumsum(input("a"), tf.constant(0),
                        org.tensorflow.op.math.Cumsum.exclusive(true), org.tensorflow.op.math.Cumsum.reverse(true)))));
        all.add(TfOpParity.of("cumprod exclusive, reverse, int").in(In.f32("a", 2, 4).range(0.5, 1.5))
                .in(In.i32("b", -3, 4, 5)).noGradients()
                .build(tf -> outs("y", tf.math.cumprod(input("a"), tf.constant(-1), org.tensorflow.op.math.Cumprod.exclusive(true)),
                        "rev", tf.math.cumprod(input("a"), tf.constant(1), org.tensorflow.op.math.Cumprod.reverse(true)),
                        "int", tf.math.cumprod(input("b"), tf.constant(0)))));
        all.add(TfOpParity.of("argMax argMin").in(In.f32("a", 3, 4)).noGradients()
                .build(tf -> outs("max0", tf.math.argMax(input("a"), tf.constant(0)),
                        "max1", tf.math.argMax(input("a"), tf.constant(-1), TInt32.class),
                        "min0", tf.math.argMin(input("a"), tf.constant(0L)),
                        "min1", tf.math.argMin(input("a"), tf.constant(1), TInt32.class))));
        all.add(TfOpParity.of("argMax int ties").in(In.i32("a", 0, 3, 3, 4)).noGradients()
                .build(tf -> outs("max", tf.math.argMax(input("a"), tf.constant(1)),
                        "min", tf.math.argMin(input("a"), tf.constant(0)))));
    }

    private static void comparisons(List<TfOpParity> all) {
        all.add(TfOpParity.of("comparisons int32 broadcast").in(In.i32("a", 0, 3, 2, 3)).in(In.i32("b", 0, 3, 3))
                .noGradients()
                .build(tf -> outs("eq", tf.math.equal(input("a"), input("b")),
                        "ne", tf.math.notEqual(input("a"), input("b")),
                        "lt", tf.math.less(input("a"), input("b")),
                        "le", tf.math.lessEqual(input("a"), input("b")),
                        "gt", tf.math.greater(input("a"), input("b")),
                        "ge", tf.math.greaterEqual(input("a"), input("b")))));
        all.add(TfOpParity.of("comparisons f64").in(In.f64("a", 4)).in(In.f64("b")).noGradients()
                .build(tf -> outs("lt", tf.math.less(input("a"), input("b")),
                        "ge", tf.math.greaterEqual(input("a"), input("b")))));
        all.add(TfOpParity.of("equal incompatible shapes without error").in(In.i32("a", 0, 3, 2, 3))
                .in(In.i32("b", 0, 3, 4)).noGradients()
                .build(tf -> outs("eq", tf.math.equal(input("a"), input("b"), Equal.incompatibleShapeError(false)),
                        "ne", tf.math.notEqual(input("a"), input("b"),
                                org.tensorflow.op.math.NotEqual.incompatibleShapeError(false)),
                        "eqOk", tf.math.equal(input("a"), tf.constant(1), Equal.incompatibleShapeError(false)))));
        all.add(TfOpParity.of("logical and or not").in(In.i32("a", 0, 2, 2, 3)).in(In.i32("b", 0, 2, 3)).noGradients()
                .build(tf -> {
                    Operand<TBool> x = tf.math.equal(input("a"), tf.constant(1));
                    Operand<TBool> y = tf.math.equal(input("b"), tf.constant(1));
                    return outs("and", tf.math.logicalAnd(x, y), "or", tf.math.logicalOr(x, y),
                            "not", tf.math.logicalNot(x), "equalBool", tf.math.equal(x, y));
                }));
        all.add(TfOpParity.of("select (SelectV2) broadcast").in(In.f32("t", 2, 3)).in(In.f32("e")).in(In.i32("c", 0, 2, 3))
                .build(tf -> outs("y", tf.select(tf.math.equal(input("c"), tf.constant(1)), input("t"), input("e")))));
        all.add(TfOpParity.of("Select v1 same shape").in(In.f32("t", 2, 3)).in(In.f32("e", 2, 3)).in(In.i32("c", 0, 2, 2, 3))
                .build(tf -> outs("y", raw(tf, "Select", tf.math.equal(input("c"), tf.constant(1)), input("t"),
                        input("e")))));
        all.add(TfOpParity.of("Select v1 vector condition").in(In.f64("t", 3, 2)).in(In.f64("e", 3, 2)).in(In.i32("c", 0, 2, 3))
                .build(tf -> outs("y", raw(tf, "Select", tf.math.equal(input("c"), tf.constant(1)), input("t"),
                        input("e")))));
        all.add(TfOpParity.of("where coordinates").in(In.i32("a", 0, 2, 3, 4)).noGradients()
                .build(tf -> outs("y", tf.where(tf.math.equal(input("a"), tf.constant(1))),
                        "numeric", tf.where(input("a")))));
    }

    private static void products(List<TfOpParity> all) {
        all.add(TfOpParity.of("matMul transpose_a").in(In.f64("a", 4, 3)).in(In.f64("b", 4, 2))
                .build(tf -> outs("y", tf.linalg.matMul(input("a"), input("b"), MatMul.transposeA(true)))));
        all.add(TfOpParity.of("matMul int32").in(In.i32("a", -5, 5, 2, 3)).in(In.i32("b", -5, 5, 3, 2)).noGradients()
                .build(tf -> outs("y", tf.linalg.matMul(input("a"), input("b")))));
        all.add(TfOpParity.of("BatchMatMul equal batches adj_y").in(In.f32("a", 2, 3, 4)).in(In.f32("b", 2, 5, 4))
                .build(tf -> outs("y", raw(tf, "BatchMatMul", Map.of("adj_y", true), input("a"), input("b")))));
        all.add(TfOpParity.of("BatchMatMulV2 broadcast batches").in(In.f32("a", 2, 1, 3, 4)).in(In.f32("b", 3, 4, 2))
                .build(tf -> outs("y", raw(tf, "BatchMatMulV2", input("a"), input("b")))));
        all.add(TfOpParity.of("BatchMatMulV2 adj_x rank 2 and 3").in(In.f64("a", 4, 3)).in(In.f64("b", 2, 4, 5))
                .build(tf -> outs("y", raw(tf, "BatchMatMulV2", Map.of("adj_x", true), input("a"), input("b")))));
        all.add(TfOpParity.of("batchMatMul (BatchMatMulV3) adj").in(In.f32("a", 2, 4, 3)).in(In.f32("b", 2, 5, 4))
                .build(tf -> outs("y", tf.train.batchMatMul(input("a"), input("b"), TFloat32.class,
                        BatchMatMul.adjX(true), BatchMatMul.adjY(true)))));
        all.add(TfOpParity.of("unsortedSegmentSum").in(In.f32("a", 5, 3))
                .build(tf -> outs("y", tf.math.unsortedSegmentSum(input("a"), tf.constant(new int[] {0, 2, -1, 0, 3}),
                        tf.constant(4)))));
        all.add(TfOpParity.of("unsortedSegmentSum 2-D ids").in(In.f64("a", 2, 2, 3)).in(In.i64("ids", 0, 3, 2, 2))
                .build(tf -> outs("y", tf.math.unsortedSegmentSum(input("a"), input("ids"), tf.constant(3L)))));
    }
}
