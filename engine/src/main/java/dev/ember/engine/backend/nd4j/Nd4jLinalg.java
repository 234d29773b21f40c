package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.LinalgKernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Matrix products on ND4J (BLAS for 2-D, libnd4j's batched matmul above that). */
final class Nd4jLinalg implements LinalgKernels {

    @Override
    public Array matmul(Array a, Array b, boolean transposeA, boolean transposeB) {
        INDArray x = Nd4jArray.of(a);
        INDArray y = Nd4jArray.of(b);
        long[] xs = x.shape();
        long[] ys = y.shape();
        long m = transposeA ? xs[xs.length - 1] : xs[xs.length - 2];
        long n = transposeB ? ys[ys.length - 2] : ys[ys.length - 1];
        long[] out = xs.clone();
        out[out.length - 2] = m;
        out[out.length - 1] = n;
        if (x.length() == 0 || y.length() == 0) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), out));
        }
        INDArray result = Nd4j.createUninitialized(x.dataType(), out);
        return Nd4jArray.wrap(Nd4j.matmul(x, y, result, transposeA, transposeB, false));
    }
}
