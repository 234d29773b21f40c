package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.ReduceOp;
import dev.ember.engine.backend.ReductionKernels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reductions on ND4J. */
final class Nd4jReduction implements ReductionKernels {

    @Override
    public Array reduce(ReduceOp op, Array a, int[] dims, boolean keepdim) {
        INDArray x = Nd4jArray.of(a);
        int[] all = dims.length == 0 ? allDims(x.rank()) : dims;
        long[] outShape = reducedShape(x.shape(), all, keepdim);
        if (x.rank() == 0) {
            return Nd4jArray.wrap(op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN
                    ? Nd4j.scalar(DataType.LONG, 0L) : x.dup());
        }
        INDArray r;
        switch (op) {
            case SUM: r = x.sum(false, all); break;
            case MEAN: r = x.mean(false, all); break;
            case PROD: r = x.prod(false, all); break;
            case MAX: r = x.max(false, all); break;
            case MIN: r = x.min(false, all); break;
            case ARGMAX: case ARGMIN: r = argReduce(op, x, dims); break;
            default: throw new IllegalArgumentException("reduce op " + op);
        }
        if (r.dataType() != x.dataType() && op != ReduceOp.ARGMAX && op != ReduceOp.ARGMIN) {
            r = r.castTo(x.dataType());
        }
        return Nd4jArray.wrap(r.reshape('c', outShape));
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
        return r.dataType() == DataType.LONG ? r : r.castTo(DataType.LONG);
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
