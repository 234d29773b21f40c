package dev.ember.engine.backend.nd4j;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Small helpers for running libnd4j custom ops by name with explicit outputs. */
final class Nd4jOps {
    private Nd4jOps() {
    }

    /** Runs custom op {@code name} on {@code inputs}, writing {@code out}; returns {@code out}. */
    static INDArray run(String name, INDArray out, INDArray... inputs) {
        Nd4j.exec(DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(out).build());
        return out;
    }

    /** PyTorch broadcasting of two shapes; throws naming both shapes when they do not broadcast. */
    static long[] broadcastShape(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** {@code a} viewed with leading 1s so that its rank is {@code rank}. */
    static INDArray padRank(INDArray a, int rank) {
        if (a.rank() == rank) {
            return a;
        }
        long[] s = new long[rank];
        Arrays.fill(s, 1);
        long[] as = a.shape();
        System.arraycopy(as, 0, s, rank - as.length, as.length);
        return a.reshape('c', s);
    }

    /** {@code a} materialised at {@code shape} (it must broadcast there). */
    static INDArray broadcastTo(INDArray a, long[] shape) {
        if (Arrays.equals(a.shape(), shape)) {
            return a;
        }
        INDArray p = padRank(a, shape.length);
        if (p.length() == 1) {
            return Nd4j.valueArrayOf(shape, p.getDouble(0), p.dataType());
        }
        INDArray out = Nd4j.createUninitialized(p.dataType(), shape.clone());
        return run("broadcast_to", out, p, Nd4j.createFromArray(shape));
    }

    static INDArray empty(DataType t, long[] shape) {
        return Nd4j.createUninitialized(t, shape.clone());
    }
}
