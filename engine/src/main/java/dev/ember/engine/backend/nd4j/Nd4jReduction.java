package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.backend.ReductionKernels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reductions on ND4J. Beyond ND4J's own reductions this handles what PyTorch defines and ND4J
 * does not: empty inputs (sum 0, prod 1, mean NaN), NaN propagation in max/min/argmax/argmin
 * (libnd4j skips NaNs), and bool max/min.
 */
final class Nd4jReduction implements ReductionKernels {

    @Override
    public Array reduce(ReduceOp op, Array a, int[] dims, boolean keepdim) {
        INDArray x = Nd4jArray.of(a);
        boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
        if (x.rank() == 0) {
            return Nd4jArray.wrap(arg ? Nd4j.scalar(DataType.LONG, 0L) : x.dup());
        }
        int[] all = dims.length == 0 ? allDims(x.rank()) : dims;
        long[] outShape = reducedShape(x.shape(), all, keepdim);
        if (x.length() == 0) {
            return Nd4jArray.wrap(reduceEmpty(op, x.dataType(), outShape));
        }
        if (x.dataType() == DataType.BOOL && (op == ReduceOp.MAX || op == ReduceOp.MIN)) {
            INDArray r = Nd4jArray.of(reduce(op, Nd4jArray.wrap(x.castTo(DataType.INT)), dims, keepdim));
            return Nd4jArray.wrap(r.castTo(DataType.BOOL));
        }
        INDArray r;
        switch (op) {
            case SUM: r = wide(x, outShape).sum(false, all); break;
            case MEAN: r = wide(x, outShape).mean(false, all); break;
            case PROD: r = x.prod(false, all); break;
            case MAX: r = propagateNaN(x, x.max(false, all), all); break;
            case MIN: r = propagateNaN(x, x.min(false, all), all); break;
            case ARGMAX: case ARGMIN: r = argReduce(op, x, dims); break;
            default: throw new IllegalArgumentException("reduce op " + op);
        }
        if (r.dataType() != x.dataType() && !arg) {
            r = r.castTo(x.dataType());
        }
        return Nd4jArray.wrap(r.reshape('c', outShape));
    }

    /** Elements per result from which float32 sums and means accumulate in float64. */
    static final long WIDE_FROM = 1024;

    /**
     * {@code x} in float64 when it is float32 and each result sums at least {@link #WIDE_FROM} elements:
     * libnd4j accumulates float32 reductions in float32, which drifts on long sums (the mean of 2^24
     * copies of 17f came out 16.12), while PyTorch's cascade sum stays within float32 rounding.
     */
    private static INDArray wide(INDArray x, long[] outShape) {
        long outLength = 1;
        for (long d : outShape) {
            outLength *= d;
        }
        if (x.dataType() != DataType.FLOAT || x.length() / Math.max(1, outLength) < WIDE_FROM) {
            return x;
        }
        return x.castTo(DataType.DOUBLE);
    }

    /** Identity of {@code op} for reductions over zero elements; max/min/argmax have none. */
    private static INDArray reduceEmpty(ReduceOp op, DataType type, long[] outShape) {
        long n = 1;
        for (long d : outShape) {
            n *= d;
        }
        boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
        DataType outType = arg ? DataType.LONG : type;
        if (n == 0) {
            return Nd4j.create(outType, outShape);
        }
        switch (op) {
            case SUM: return Nd4j.valueArrayOf(outShape, 0.0, outType);
            case PROD: return Nd4j.valueArrayOf(outShape, 1.0, outType);
            case MEAN: return Nd4j.valueArrayOf(outShape, Double.NaN, outType);
            default:
                throw new IllegalArgumentException(op + " of zero elements is undefined (the reduced dimension has "
                        + "size 0)");
        }
    }

    /** Where a reduced slice holds a NaN, the result is NaN (PyTorch); libnd4j's max/min skip NaNs. */
    private static INDArray propagateNaN(INDArray x, INDArray r, int[] all) {
        if (!x.dataType().isFPType()) {
            return r;
        }
        INDArray nan = x.isNaN();
        if (!nan.any()) {
            return r;
        }
        INDArray hit = nan.castTo(DataType.INT).max(false, all).reshape('c', r.shape()).gt(0);
        INDArray nans = Nd4j.valueArrayOf(r.shape(), Double.NaN, r.dataType());
        return Nd4jOps.run("Where", r.ulike(), hit, nans, r);
    }

    private static INDArray argReduce(ReduceOp op, INDArray x, int[] dims) {
        INDArray src = x;
        int dim;
        if (dims.length == 0 || dims.length == x.rank() && x.rank() > 1) {
            src = x.dup('c').reshape('c', new long[] {x.length()});
            dim = 0;
        } else {
            dim = dims[0];
        }
        INDArray r = op == ReduceOp.ARGMAX ? Nd4j.argMax(src, dim) : Nd4j.argMin(src, dim);
        r = r.dataType() == DataType.LONG ? r : r.castTo(DataType.LONG);
        if (src.dataType().isFPType()) {
            INDArray nan = src.isNaN();
            if (nan.any()) {
                // PyTorch treats NaN as the extreme value: the index of the first NaN wins.
                INDArray m = nan.castTo(DataType.INT);
                INDArray first = Nd4j.argMax(m, dim).castTo(DataType.LONG).reshape('c', r.shape());
                INDArray hit = m.max(false, dim).reshape('c', r.shape()).gt(0);
                r = Nd4jOps.run("Where", r.ulike(), hit, first, r);
            }
        }
        return r;
    }

    private static int[] allDims(int rank) {
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = i;
        }
        return d;
    }

    static long[] reducedShape(long[] shape, int[] dims, boolean keepdim) {
        boolean[] reduced = new boolean[shape.length];
        for (int d : dims) {
            reduced[d] = true;
        }
        int n = 0;
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                out[n++] = shape[i];
            } else if (keepdim) {
                out[n++] = 1;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
