package dev.ember.bench.ember;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Suite;
import dev.ember.bench.Timer;
import dev.ember.bench.Workload;
import dev.ember.engine.Ember;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Conv2d;
import dev.ember.engine.nn.CrossEntropyLoss;
import dev.ember.engine.nn.Flatten;
import dev.ember.engine.nn.Functional;
import dev.ember.engine.nn.Linear;
import dev.ember.engine.nn.MaxPool2d;
import dev.ember.engine.nn.Module;
import dev.ember.engine.nn.ReLU;
import dev.ember.engine.nn.Sequential;
import dev.ember.engine.optim.Adam;
import dev.ember.engine.optim.Optimizer;
import dev.ember.engine.optim.SGD;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine's workloads, written as a user would: modules, losses, optimizers, the DataLoader. */
public final class EmberSuite implements Suite {
    private Map<Workload, Measurement> checkpoint;
    private Exception checkpointFailure;
    private Map<Workload, Measurement> migration;
    private Exception migrationFailure;

    public EmberSuite() {
        Ember.setNumThreads(2);
        Ember.manualSeed(0);
    }

    @Override
    public String describe() {
        return Ember.backendInfo();
    }

    @Override
    public Measurement measure(Workload w, Settings s) throws Exception {
        switch (w) {
            case W1: return add(s, false);
            case W1_GRAD: return add(s, true);
            case W2_1024: return gemm(s, 1024);
            case W2_4096: return gemm(s, 4096);
            case W3: return Timer.time(s, mlpStep());
            case W3_MEM: return EmberMemory.run(mlpStep());
            case W4: return Timer.time(s, cnnStep());
            case W5: return conv(s);
            case W6: return Timer.time(s, EmberResnet.step());
            case W7_0: return EmberData.loader(s, 0);
            case W7_2: return EmberData.loader(s, 2);
            case CK_READ:
            case CK_IMPORT:
            case CK_READ_COLD:
            case CK_IMPORT_COLD: {
                Measurement m = checkpoint(s).get(w);
                if (m == null) {
                    throw new NotAvailable(String.valueOf(EmberCheckpoint.coldUnavailable));
                }
                return m;
            }
            case MIG_PARSE:
            case MIG_MIGRATE: return migration(s).get(w);
            default: throw new NotAvailable("no ember implementation of " + w.id());
        }
    }

    /** CK's two rows come from one interleaved run; the second row reuses it (or its failure). */
    private Map<Workload, Measurement> checkpoint(Settings s) throws Exception {
        if (checkpointFailure != null) {
            throw checkpointFailure;
        }
        if (checkpoint == null) {
            try {
                checkpoint = EmberCheckpoint.run(s);
            } catch (Exception e) {
                checkpointFailure = e;
                throw e;
            }
        }
        return checkpoint;
    }

    /** MIG's two rows come from one interleaved run, like CK's. */
    private Map<Workload, Measurement> migration(Settings s) throws Exception {
        if (migrationFailure != null) {
            throw migrationFailure;
        }
        if (migration == null) {
            try {
                migration = EmberMigration.run(s);
            } catch (Exception e) {
                migrationFailure = e;
                throw e;
            }
        }
        return migration;
    }

    static Tensor tensor(float[] data, long... shape) {
        return Tensor.fromArray(data, shape);
    }

    private static Measurement add(Settings s, boolean grad) throws Exception {
        Tensor a = tensor(Data.uniform(11, 64, -1, 1), 8, 8).requiresGrad_(grad);
        Tensor b = tensor(Data.uniform(12, 64, -1, 1), 8, 8).requiresGrad_(grad);
        double check = a.add(b).sum().item();
        Measurement m = Timer.time(s, Workload.W1_OPS, () -> {
            for (int i = 0; i < Workload.W1_OPS; i++) {
                a.add(b);
            }
            return Double.NaN;
        });
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Measurement gemm(Settings s, int n) throws Exception {
        Tensor a = tensor(Data.uniform(21, n * n, -1, 1), n, n);
        Tensor b = tensor(Data.uniform(22, n * n, -1, 1), n, n);
        double check = a.matmul(b).abs().mean().item();
        Measurement m = Timer.time(s, () -> {
            a.matmul(b);
            return Double.NaN;
        });
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Measurement conv(Settings s) throws Exception {
        Tensor x = tensor(Data.uniform(23, 32 * 64 * 56 * 56, -1, 1), 32, 64, 56, 56);
        Tensor k = tensor(Data.init(24, 64 * 64 * 9, 64 * 9), 64, 64, 3, 3);
        try (NoGrad g = NoGrad.enter()) {
            double check = Functional.conv2d(x, k, null, 1, 1).abs().mean().item();
            Measurement m = Timer.time(s, () -> {
                Functional.conv2d(x, k, null, 1, 1);
                return Double.NaN;
            });
            return new Measurement(m.seconds(), new double[] {check}, "");
        }
    }

    /** One W3 step: zero grads, forward, cross-entropy, backward, SGD; returns the loss. */
    static Timer.Step mlpStep() {
        Data.Mlp d = Data.mlp();
        Sequential net = new Sequential(new Linear(Data.Mlp.IN, Data.Mlp.HIDDEN), new ReLU(),
                new Linear(Data.Mlp.HIDDEN, Data.Mlp.OUT));
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("0.weight", tensor(d.w1(), Data.Mlp.HIDDEN, Data.Mlp.IN));
        sd.put("0.bias", tensor(d.b1(), Data.Mlp.HIDDEN));
        sd.put("2.weight", tensor(d.w2(), Data.Mlp.OUT, Data.Mlp.HIDDEN));
        sd.put("2.bias", tensor(d.b2(), Data.Mlp.OUT));
        load(net, sd);
        Tensor x = tensor(d.x(), Data.Mlp.BATCH, Data.Mlp.IN);
        Tensor y = Tensor.fromArray(d.y(), Data.Mlp.BATCH);
        return trainStep(net, new SGD(net.parameters(), Data.Mlp.LR), x, y);
    }

    /** One W4 step with Adam; returns the loss. */
    static Timer.Step cnnStep() {
        Data.Cnn d = Data.cnn();
        Sequential net = new Sequential(new Conv2d(Data.Cnn.C, Data.Cnn.K, 3, 1, 1), new ReLU(), new MaxPool2d(3, 2, 1),
                new Flatten(), new Linear(Data.Cnn.FLAT, Data.Cnn.HIDDEN), new ReLU(),
                new Linear(Data.Cnn.HIDDEN, Data.Cnn.OUT));
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("0.weight", tensor(d.cw(), Data.Cnn.K, Data.Cnn.C, 3, 3));
        sd.put("0.bias", tensor(d.cb(), Data.Cnn.K));
        sd.put("4.weight", tensor(d.w1(), Data.Cnn.HIDDEN, Data.Cnn.FLAT));
        sd.put("4.bias", tensor(d.b1(), Data.Cnn.HIDDEN));
        sd.put("6.weight", tensor(d.w2(), Data.Cnn.OUT, Data.Cnn.HIDDEN));
        sd.put("6.bias", tensor(d.b2(), Data.Cnn.OUT));
        load(net, sd);
        Tensor x = tensor(d.x(), Data.Cnn.BATCH, Data.Cnn.C, Data.Cnn.HW, Data.Cnn.HW);
        Tensor y = Tensor.fromArray(d.y(), Data.Cnn.BATCH);
        return trainStep(net, new Adam(net.parameters(), Data.Cnn.LR), x, y);
    }

    private static Timer.Step trainStep(Module net, Optimizer opt, Tensor x, Tensor y) {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        return () -> {
            opt.zeroGrad();
            Tensor loss = ce.forward(net.forward(x), y);
            loss.backward();
            opt.step();
            return loss.item();
        };
    }

    static void load(Module net, Map<String, Tensor> sd) {
        Module.LoadResult r = net.loadStateDict(sd, true);
        if (!r.isClean()) {
            throw new IllegalStateException("benchmark weights do not fit the model: " + r.describe());
        }
    }
}
