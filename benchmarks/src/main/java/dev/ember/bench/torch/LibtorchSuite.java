package dev.ember.bench.torch;

import dev.ember.bench.Data;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Suite;
import dev.ember.bench.Timer;
import dev.ember.bench.Workload;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * libtorch 2.5.1 through {@code org.bytedeco:pytorch} (its own JVM and classpath: see Forks). ATen
 * ops, libtorch's autograd and its C++ optimizers; each step in a {@code PointerScope} so native
 * tensors are freed at once, as in idiomatic JavaCPP code.
 */
public final class LibtorchSuite implements Suite {
    private static final long[] ONE = {1, 1};

    public LibtorchSuite() {
        torch.set_num_threads(2);
        torch.set_num_interop_threads(1);
    }

    @Override
    public String describe() {
        return "libtorch 2.5.1 (org.bytedeco:pytorch 2.5.1-1.5.11, linux-x86_64), " + torch.get_num_threads()
                + " intra-op threads, " + torch.get_num_interop_threads() + " inter-op";
    }

    @Override
    public Measurement measure(Workload w, Settings s) throws Exception {
        switch (w) {
            case W1: return add(s, false);
            case W1_GRAD: return add(s, true);
            case W2_1024: return gemm(s, 1024);
            case W2_4096: return gemm(s, 4096);
            case W3: return Timer.time(s, scoped(mlp()));
            case W4: return Timer.time(s, scoped(cnn()));
            case W5: return conv(s);
            case W6: return Timer.time(s, scoped(TorchResnet.step()));
            default: throw new NotAvailable("no libtorch implementation of " + w.id());
        }
    }

    /** A float32 tensor owning a copy of {@code data}. */
    static Tensor tensor(float[] data, long... shape) {
        try (FloatPointer p = new FloatPointer(data)) {
            return torch.from_blob(p, shape).clone();
        }
    }

    static Tensor labels(long[] y) {
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = y[i];
        }
        return tensor(f, y.length).toType(torch.ScalarType.Long);
    }

    static Tensor param(float[] data, long... shape) {
        return tensor(data, shape).requires_grad_(true);
    }

    static TensorOptional opt(Tensor t) {
        return t == null ? new TensorOptional() : new TensorOptional(t);
    }

    /** {@code step} with every native object it creates freed when it returns. */
    static Timer.Step scoped(Timer.Step step) {
        return () -> {
            try (PointerScope scope = new PointerScope()) {
                return step.run();
            }
        };
    }

    private static Measurement add(Settings s, boolean grad) throws Exception {
        Tensor a = tensor(Data.uniform(11, 64, -1, 1), 8, 8).requires_grad_(grad);
        Tensor b = tensor(Data.uniform(12, 64, -1, 1), 8, 8).requires_grad_(grad);
        double check = a.add(b).sum().item_double();
        Measurement m = Timer.time(s, Workload.W1_OPS, scoped(() -> {
            for (int i = 0; i < Workload.W1_OPS; i++) {
                a.add(b);
            }
            return Double.NaN;
        }));
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Measurement gemm(Settings s, int n) throws Exception {
        Tensor a = tensor(Data.uniform(21, n * n, -1, 1), n, n);
        Tensor b = tensor(Data.uniform(22, n * n, -1, 1), n, n);
        double check = torch.mm(a, b).abs().mean().item_double();
        Measurement m = Timer.time(s, scoped(() -> {
            torch.mm(a, b);
            return Double.NaN;
        }));
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Measurement conv(Settings s) throws Exception {
        Tensor x = tensor(Data.uniform(23, 32 * 64 * 56 * 56, -1, 1), 32, 64, 56, 56);
        Tensor k = tensor(Data.init(24, 64 * 64 * 9, 64 * 9), 64, 64, 3, 3);
        double check = torch.conv2d(x, k, opt(null), ONE, ONE, ONE, 1).abs().mean().item_double();
        Measurement m = Timer.time(s, scoped(() -> {
            torch.conv2d(x, k, opt(null), ONE, ONE, ONE, 1);
            return Double.NaN;
        }));
        return new Measurement(m.seconds(), new double[] {check}, "");
    }

    private static Timer.Step mlp() {
        Data.Mlp d = Data.mlp();
        Tensor x = tensor(d.x(), Data.Mlp.BATCH, Data.Mlp.IN);
        Tensor y = labels(d.y());
        Tensor w1 = param(d.w1(), Data.Mlp.HIDDEN, Data.Mlp.IN);
        Tensor b1 = param(d.b1(), Data.Mlp.HIDDEN);
        Tensor w2 = param(d.w2(), Data.Mlp.OUT, Data.Mlp.HIDDEN);
        Tensor b2 = param(d.b2(), Data.Mlp.OUT);
        SGD sgd = new SGD(new TensorVector(w1, b1, w2, b2), new SGDOptions(Data.Mlp.LR));
        return train(sgd, () -> {
            Tensor h = torch.relu(torch.linear(x, w1, opt(b1)));
            return torch.cross_entropy_loss(torch.linear(h, w2, opt(b2)), y);
        });
    }

    private static Timer.Step cnn() {
        Data.Cnn d = Data.cnn();
        Tensor x = tensor(d.x(), Data.Cnn.BATCH, Data.Cnn.C, Data.Cnn.HW, Data.Cnn.HW);
        Tensor y = labels(d.y());
        Tensor cw = param(d.cw(), Data.Cnn.K, Data.Cnn.C, 3, 3);
        Tensor cb = param(d.cb(), Data.Cnn.K);
        Tensor w1 = param(d.w1(), Data.Cnn.HIDDEN, Data.Cnn.FLAT);
        Tensor b1 = param(d.b1(), Data.Cnn.HIDDEN);
        Tensor w2 = param(d.w2(), Data.Cnn.OUT, Data.Cnn.HIDDEN);
        Tensor b2 = param(d.b2(), Data.Cnn.OUT);
        Adam adam = new Adam(new TensorVector(cw, cb, w1, b1, w2, b2), new AdamOptions(Data.Cnn.LR));
        return train(adam, () -> {
            Tensor c = torch.relu(torch.conv2d(x, cw, opt(cb), ONE, ONE, ONE, 1));
            Tensor p = torch.max_pool2d(c, new long[] {3, 3}, new long[] {2, 2}, ONE, ONE, false);
            Tensor h = torch.relu(torch.linear(p.reshape(Data.Cnn.BATCH, Data.Cnn.FLAT), w1, opt(b1)));
            return torch.cross_entropy_loss(torch.linear(h, w2, opt(b2)), y);
        });
    }

    interface Loss {
        Tensor compute();
    }

    static Timer.Step train(Optimizer opt, Loss loss) {
        return () -> {
            opt.zero_grad();
            Tensor l = loss.compute();
            l.backward();
            opt.step();
            return l.item_double();
        };
    }
}
