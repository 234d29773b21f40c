package dev.ember.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The real TF runtime (TF-Java 1.1.0, JavaCPP 1.5.11) and the engine (ND4J, built on JavaCPP 1.5.7)
 * load in one JVM and agree on a small computation. Guards the javacpp pin in the root pom: without
 * it ND4J fails with UnsatisfiedLinkError (Loader$Helper.totalCores).
 */
class TensorFlowAndEngineInOneJvmTest {

    @Test
    void bothRuntimesComputeTheSameMatmul() {
        float[][] a = {{1, 2, 3}, {4, 5, 6}};
        float[][] b = {{1, 0}, {0, 1}, {2, -1}};
        float[] tf;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops ops = Ops.create(g);
            var prod = ops.linalg.matMul(ops.constant(a), ops.constant(b));
            try (var result = s.runner().fetch(prod).run(); TFloat32 t = (TFloat32) result.get(0)) {
                float[][] out = StdArrays.array2dCopyOf(t);
                tf = new float[] {out[0][0], out[0][1], out[1][0], out[1][1]};
            }
        }
        float[] engine = Tensor.of(a).matmul(Tensor.of(b)).toFloatArray();
        assertThat(engine).containsExactly(tf);
        assertThat(engine).containsExactly(7f, -1f, 16f, -1f);
    }
}
