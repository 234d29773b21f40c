package dev.ember.bench.nd4j;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Suite;
import dev.ember.bench.Timer;
import dev.ember.bench.Workload;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Raw ND4J with hand-written backward: the floor an ND4J-based engine can reach. The same libnd4j
 * kernels the engine uses where it uses them (gemm, conv2d/conv2d_bp on oneDNN), libnd4j's own
 * pooling, and ND4J's fused Adam updater; no autograd, no checks, no copies.
 */
public final class Nd4jRawSuite implements Suite {
    public Nd4jRawSuite() {
        // Picks the oneDNN build exactly as the engine does (same classpath, same property).
        dev.ember.engine.Ember.backendInfo();
        Nd4j.getEnvironment().setMaxThreads(2);
        Nd4j.getEnvironment().setMaxMasterThreads(2);
    }

    @Override
    public String describe() {
        return "ND4J 1.0.0-M2.1 " + Nd4j.getBackend().getClass().getSimpleName() + ", extension "
                + System.getProperty("org.bytedeco.javacpp.platform.extension", "(none)") + ", "
                + Nd4j.getEnvironment().maxThreads() + " threads";
    }

    @Override
    public Measurement measure(Workload w, Settings s) throws Exception {
        switch (w) {
            case W1: return add(s);
            case W2_1024: return gemm(s, 1024);
            case W2_4096: return gemm(s, 4096);
            case W3: return Timer.time(s, new RawMlp(Data.mlp())::step);
            case W4: return Timer.time(s, new RawCnn(Data.cnn())::step);
            case W5: return conv(s);
            default: throw new NotAvailable("no nd4j-raw implementation of " + w.id());
        }
    }

    static INDArray array(float[] data, long... shape) {
        return Nd4j.create(data, shape, 'c');
    }

    private static Measurement add(Settings s) throws Exception {
        INDArray a = array(Data.uniform(11, 64, -1, 1), 8, 8);
        INDArray b = array(Data.uniform(12, 64, -1, 1), 8, 8);
        double check = a.add(b).sumNumber().doubleValue();
        Measurement m = Timer.time(s, Workload.W1_OPS, () -> {
            for (int i = 0; i < Workload.W1_OPS; i++) {
                a.add(b);
            }
            return Double.NaN;
        });
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Measurement gemm(Settings s, int n) throws Exception {
        INDArray a = array(Data.uniform(21, n * n, -1, 1), n, n);
        INDArray b = array(Data.uniform(22, n * n, -1, 1), n, n);
        double check = Transforms.abs(a.mmul(b)).meanNumber().doubleValue();
        Measurement m = Timer.time(s, () -> {
            a.mmul(b);
            return Double.NaN;
        });
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Measurement conv(Settings s) throws Exception {
        INDArray x = array(Data.uniform(23, 32 * 64 * 56 * 56, -1, 1), 32, 64, 56, 56);
        INDArray k = array(Data.init(24, 64 * 64 * 9, 64 * 9), 64, 64, 3, 3);
        INDArray out = Nd4j.create(DataType.FLOAT, 32, 64, 56, 56);
        int[] args = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 1};
        Timer.Step step = () -> {
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, k).addIntegerArguments(args).addOutputs(out).build());
            return Double.NaN;
        };
        step.run();
        double check = Transforms.abs(out).meanNumber().doubleValue();
        Measurement m = Timer.time(s, () -> {
            // A fresh output per call, as the engine's functional conv2d allocates one.
            INDArray o = Nd4j.create(DataType.FLOAT, 32, 64, 56, 56);
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, k).addIntegerArguments(args).addOutputs(o).build());
            return Double.NaN;
        });
        return new Measurement(m.seconds(), new double[] {check}, "");
    }
}
