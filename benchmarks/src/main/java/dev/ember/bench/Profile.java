package dev.ember.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code BenchMain --profile [--iters N] [--warmup N]}: where W4's and W6's step time goes. Every
 * kernel of the two models, at its benchmark shape, timed in isolation on the engine (NCHW, the
 * backend kernel or the engine op with autograd) and as a single-op TF-Java graph (NHWC, fed by
 * placeholders), each backend in its own child JVM, 2 threads. The table weights each kernel by how
 * many times one training step calls it and puts the sums beside the measured step times.
 */
public final class Profile {
    /** Prefix of a child's kernel line: {@code index \t median ms} (NaN: not timed on that backend). */
    static final String KERNEL_PREFIX = "@@ember-profile\t";
    /** Prefix of a child's step line: {@code W4|W6 \t median ms}. */
    static final String STEP_PREFIX = "@@ember-profile-step\t";

    private Profile() {
    }

    /**
     * One kernel at one shape (engine layout NCHW; {@code h, w} the unpadded input). {@code n, c}:
     * batch and channels (rows and features for linear and cross-entropy); {@code out}: output
     * channels or features; {@code w4, w6}: calls per step of each workload.
     */
    public record Spec(String op, int n, int c, int h, int w, int out, int k, int stride, int pad, int w4, int w6) {
        /** The input's spatial size after the op ({@code (h + 2p - k) / s + 1}). */
        public int outH() {
            return (h + 2 * pad - k) / stride + 1;
        }

        public int outW() {
            return (w + 2 * pad - k) / stride + 1;
        }

        /** The shape column: what the kernel sees, engine layout. */
        public String shape() {
            switch (op) {
                case "conv":
                case "conv_dx":
                case "conv_dw":
                    return String.format(Locale.ROOT, "%dx%dx%dx%d * %dx%dx%dx%d s%d p%d", n, c, h, w, out, c, k, k,
                            stride, pad);
                case "pool":
                case "pool_bwd":
                    return String.format(Locale.ROOT, "%dx%dx%dx%d k%d s%d p%d", n, c, h, w, k, stride, pad);
                case "bn":
                case "bn_bwd":
                case "relu":
                case "relu_bwd":
                    return h == 0 ? n + "x" + c : String.format(Locale.ROOT, "%dx%dx%dx%d", n, c, h, w);
                case "linear":
                case "linear_bwd":
                    return n + "x" + c + " -> " + out;
                case "ce":
                case "ce_bwd":
                    return n + "x" + c;
                case "adam":
                    return "W4's 6 parameters";
                default:
                    throw new IllegalArgumentException("profile: unknown op " + op);
            }
        }
    }

    /** The engine's and TF's names for each op. */
    static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("conv", "conv2d fwd / Conv2D");
        m.put("conv_dx", "conv2d bwd input / Conv2DBackpropInput");
        m.put("conv_dw", "conv2d bwd weight / Conv2DBackpropFilter");
        m.put("pool", "max-pool fwd / MaxPool");
        m.put("pool_bwd", "max-pool bwd / MaxPoolGrad");
        m.put("bn", "batch-norm fwd (train) / FusedBatchNormV3");
        m.put("bn_bwd", "batch-norm bwd / FusedBatchNormGradV3");
        m.put("relu", "relu fwd / Relu");
        m.put("relu_bwd", "relu bwd / ReluGrad");
        m.put("linear", "linear fwd / MatMul+BiasAdd");
        m.put("linear_bwd", "linear bwd / 2 MatMul+Sum");
        m.put("ce", "cross-entropy fwd / SoftmaxCEWithLogits");
        m.put("ce_bwd", "cross-entropy bwd / (in the fwd op)");
        m.put("adam", "Adam step / ApplyAdam x6");
        return m;
    }

    /** W4's and W6's kernels at their benchmark shapes (see EmberSuite, EmberResnet, TfCnn, TfResnet). */
    public static List<Spec> specs() {
        List<Spec> s = new ArrayList<>();
        // W4: 128x3x32x32, Conv(3->5,k3,p1)-ReLU-MaxPool(3,2,1)-Flatten-Linear(1280->128)-ReLU-Linear(128->10), Adam.
        // The first conv's input needs no gradient: no input-gradient kernel.
        s.add(new Spec("conv", 128, 3, 32, 32, 5, 3, 1, 1, 1, 0));
        s.add(new Spec("conv_dw", 128, 3, 32, 32, 5, 3, 1, 1, 1, 0));
        s.add(new Spec("relu", 128, 5, 32, 32, 0, 0, 0, 0, 1, 0));
        s.add(new Spec("relu_bwd", 128, 5, 32, 32, 0, 0, 0, 0, 1, 0));
        s.add(new Spec("pool", 128, 5, 32, 32, 0, 3, 2, 1, 1, 0));
        s.add(new Spec("pool_bwd", 128, 5, 32, 32, 0, 3, 2, 1, 1, 0));
        s.add(new Spec("linear", 128, 1280, 0, 0, 128, 0, 0, 0, 1, 0));
        s.add(new Spec("linear_bwd", 128, 1280, 0, 0, 128, 0, 0, 0, 1, 0));
        s.add(new Spec("relu", 128, 128, 0, 0, 0, 0, 0, 0, 1, 0));
        s.add(new Spec("relu_bwd", 128, 128, 0, 0, 0, 0, 0, 0, 1, 0));
        s.add(new Spec("linear", 128, 128, 0, 0, 10, 0, 0, 0, 1, 0));
        s.add(new Spec("linear_bwd", 128, 128, 0, 0, 10, 0, 0, 0, 1, 0));
        s.add(new Spec("ce", 128, 10, 0, 0, 0, 0, 0, 0, 1, 0));
        s.add(new Spec("ce_bwd", 128, 10, 0, 0, 0, 0, 0, 0, 1, 0));
        s.add(new Spec("adam", 0, 0, 0, 0, 0, 0, 0, 0, 1, 0));
        // W6: 32x3x64x64; stem conv 7x7/2 + BN + ReLU + MaxPool(3,2,1); layer1 (4 convs 64, 16x16); layer2
        // (64->128 strided, 1x1 downsample, 3 convs 128 at 8x8); every conv followed by a training BN.
        s.add(new Spec("conv", 32, 3, 64, 64, 64, 7, 2, 3, 0, 1));
        s.add(new Spec("conv_dw", 32, 3, 64, 64, 64, 7, 2, 3, 0, 1));
        s.add(new Spec("conv", 32, 64, 16, 16, 64, 3, 1, 1, 0, 4));
        s.add(new Spec("conv_dx", 32, 64, 16, 16, 64, 3, 1, 1, 0, 4));
        s.add(new Spec("conv_dw", 32, 64, 16, 16, 64, 3, 1, 1, 0, 4));
        s.add(new Spec("conv", 32, 64, 16, 16, 128, 3, 2, 1, 0, 1));
        s.add(new Spec("conv_dx", 32, 64, 16, 16, 128, 3, 2, 1, 0, 1));
        s.add(new Spec("conv_dw", 32, 64, 16, 16, 128, 3, 2, 1, 0, 1));
        s.add(new Spec("conv", 32, 64, 16, 16, 128, 1, 2, 0, 0, 1));
        s.add(new Spec("conv_dx", 32, 64, 16, 16, 128, 1, 2, 0, 0, 1));
        s.add(new Spec("conv_dw", 32, 64, 16, 16, 128, 1, 2, 0, 0, 1));
        s.add(new Spec("conv", 32, 128, 8, 8, 128, 3, 1, 1, 0, 3));
        s.add(new Spec("conv_dx", 32, 128, 8, 8, 128, 3, 1, 1, 0, 3));
        s.add(new Spec("conv_dw", 32, 128, 8, 8, 128, 3, 1, 1, 0, 3));
        s.add(new Spec("bn", 32, 64, 32, 32, 0, 0, 0, 0, 0, 1));
        s.add(new Spec("bn_bwd", 32, 64, 32, 32, 0, 0, 0, 0, 0, 1));
        s.add(new Spec("bn", 32, 64, 16, 16, 0, 0, 0, 0, 0, 4));
        s.add(new Spec("bn_bwd", 32, 64, 16, 16, 0, 0, 0, 0, 0, 4));
        s.add(new Spec("bn", 32, 128, 8, 8, 0, 0, 0, 0, 0, 5));
        s.add(new Spec("bn_bwd", 32, 128, 8, 8, 0, 0, 0, 0, 0, 5));
        s.add(new Spec("relu", 32, 64, 32, 32, 0, 0, 0, 0, 0, 1));
        s.add(new Spec("relu_bwd", 32, 64, 32, 32, 0, 0, 0, 0, 0, 1));
        s.add(new Spec("pool", 32, 64, 32, 32, 0, 3, 2, 1, 0, 1));
        s.add(new Spec("pool_bwd", 32, 64, 32, 32, 0, 3, 2, 1, 0, 1));
        s.add(new Spec("relu", 32, 64, 16, 16, 0, 0, 0, 0, 0, 4));
        s.add(new Spec("relu_bwd", 32, 64, 16, 16, 0, 0, 0, 0, 0, 4));
        s.add(new Spec("relu", 32, 128, 8, 8, 0, 0, 0, 0, 0, 4));
        s.add(new Spec("relu_bwd", 32, 128, 8, 8, 0, 0, 0, 0, 0, 4));
        s.add(new Spec("linear", 32, 128, 0, 0, 10, 0, 0, 0, 0, 1));
        s.add(new Spec("linear_bwd", 32, 128, 0, 0, 10, 0, 0, 0, 0, 1));
        s.add(new Spec("ce", 32, 10, 0, 0, 0, 0, 0, 0, 0, 1));
        s.add(new Spec("ce_bwd", 32, 10, 0, 0, 0, 0, 0, 0, 0, 1));
        return s;
    }

    /** A child's side: times every spec on one backend. */
    public interface Side {
        /** Median ms of {@code spec} (NaN when the backend has no separate kernel for it). */
        double time(Spec spec, Settings s) throws Exception;

        /** Median ms of the W4 or W6 step, as the benchmark measures it. */
        double step(String workload, Settings s) throws Exception;
    }

    /** Median of a measurement in ms. */
    public static double ms(Measurement m) {
        return Stats.median(m.seconds()) * 1e3;
    }

    /** Child entry: {@code --child ember|tf-graph WARMUP ITERS}; prints one line per spec and per step. */
    static void child(String backend, Settings s) throws Exception {
        String cls = backend.equals("ember") ? "dev.ember.bench.ember.EmberProfile" : "dev.ember.bench.tf.TfProfile";
        Side side = (Side) Class.forName(cls).getDeclaredConstructor().newInstance();
        List<Spec> specs = specs();
        PrintStream out = System.out;
        for (int i = 0; i < specs.size(); i++) {
            Spec sp = specs.get(i);
            double v;
            try {
                v = side.time(sp, s);
            } catch (Exception | Error e) {
                System.err.println("    " + sp.op() + " " + sp.shape() + " failed on " + backend + ": " + e);
                v = Double.NaN;
            }
            System.err.printf(Locale.ROOT, "    %s %-40s %s %.3f ms%n", backend, NAMES.get(sp.op()), sp.shape(), v);
            out.println(KERNEL_PREFIX + i + "\t" + v);
            out.flush();
        }
        for (String w : List.of("W4", "W6")) {
            double v = side.step(w, s);
            System.err.printf(Locale.ROOT, "    %s %s step %.3f ms%n", backend, w, v);
            out.println(STEP_PREFIX + w + "\t" + v);
            out.flush();
        }
    }

    /** What one child measured: ms per spec index, ms per step. */
    record Times(double[] kernels, Map<String, Double> steps) {
        static Times parse(List<String> lines, int count) {
            double[] k = new double[count];
            java.util.Arrays.fill(k, Double.NaN);
            Map<String, Double> st = new LinkedHashMap<>();
            for (String line : lines) {
                if (line.startsWith(KERNEL_PREFIX)) {
                    String[] f = line.substring(KERNEL_PREFIX.length()).split("\t");
                    k[Integer.parseInt(f[0])] = Double.parseDouble(f[1]);
                } else if (line.startsWith(STEP_PREFIX)) {
                    String[] f = line.substring(STEP_PREFIX.length()).split("\t");
                    st.put(f[0], Double.parseDouble(f[1]));
                }
            }
            return new Times(k, st);
        }
    }

    /** The table: one row per kernel, then per workload the weighted sums beside the measured steps. */
    static String table(List<Spec> specs, Times ember, Times tf) {
        StringBuilder b = new StringBuilder();
        String fmt = "%-44s %-34s %5s %9s %9s %7s%n";
        b.append(String.format(Locale.ROOT, fmt, "kernel (engine / TF)", "shape (NCHW)", "calls", "engine ms", "TF ms",
                "ratio"));
        for (String w : List.of("W4", "W6")) {
            double se = 0;
            double st = 0;
            b.append(w).append(w.equals("W4") ? " CNN train step (Adam)\n" : " ResNet-ish fwd+bwd\n");
            for (int i = 0; i < specs.size(); i++) {
                Spec sp = specs.get(i);
                int calls = w.equals("W4") ? sp.w4() : sp.w6();
                if (calls == 0) {
                    continue;
                }
                double e = ember.kernels()[i];
                double t = tf.kernels()[i];
                se += calls * nz(e);
                st += calls * nz(t);
                b.append(String.format(Locale.ROOT, fmt, "  " + NAMES.get(sp.op()), sp.shape(), calls, num(e), num(t),
                        ratio(e, t)));
            }
            b.append(String.format(Locale.ROOT, fmt, "  sum of kernels x calls", "", "", num(se), num(st),
                    ratio(se, st)));
            double me = ember.steps().getOrDefault(w, Double.NaN);
            double mt = tf.steps().getOrDefault(w, Double.NaN);
            b.append(String.format(Locale.ROOT, fmt, "  measured step", "", "", num(me), num(mt), ratio(me, mt)));
        }
        return b.toString();
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String ratio(double e, double t) {
        if (Double.isNaN(e) || Double.isNaN(t) || t <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1fx", e / t);
    }

    /** Runs a child to its end; its stdout lines are returned, its stderr is copied to {@code err}. */
    private static List<String> exec(List<String> cmd, PrintStream err) throws java.io.IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Forks.environment(pb.environment());
        Process p = pb.start();
        Thread pump = new Thread(() -> {
            try (java.io.BufferedReader r = p.errorReader(java.nio.charset.StandardCharsets.UTF_8)) {
                r.lines().forEach(err::println);
            } catch (java.io.IOException e) {
                err.println("    (stderr of the child lost: " + e.getMessage() + ")");
            }
        }, "profile-child-stderr");
        pump.setDaemon(true);
        pump.start();
        List<String> lines = new ArrayList<>();
        try (java.io.BufferedReader r = p.inputReader(java.nio.charset.StandardCharsets.UTF_8)) {
            r.lines().forEach(lines::add);
        }
        int code = p.waitFor();
        pump.join(2000);
        if (code != 0) {
            err.println("profile: the child exited with code " + code + " (its rows show '-')");
        }
        return lines;
    }

    /** Parent: forks the engine child and the TF child, prints the table to {@code out}. */
    public static int run(Settings s, PrintStream out, PrintStream err) {
        List<Spec> specs = specs();
        Map<String, Times> times = new LinkedHashMap<>();
        for (Peer p : List.of(Peer.EMBER, Peer.TF_GRAPH)) {
            err.println("[profile] kernels on " + p.id());
            List<String> lines;
            try {
                List<String> cmd = Forks.javaCommand(p, false);
                cmd.addAll(List.of(BenchMain.class.getName(), "--profile-child", p.id(), Integer.toString(s.warmup()),
                        Integer.toString(s.iters())));
                lines = exec(cmd, err);
            } catch (java.io.IOException | InterruptedException e) {
                err.println("profile: could not start the " + p.id() + " child: " + e.getMessage());
                return 1;
            }
            times.put(p.id(), Times.parse(lines, specs.size()));
        }
        double load = Machine.loadAverage();
        out.printf(Locale.ROOT, "Where W4/W6 time goes: median of %d after %d warm-up, 2 threads, load average %s%n",
                s.iters(), s.warmup(), load);
        out.print(table(specs, times.get("ember"), times.get("tf-graph")));
        return 0;
    }
}
