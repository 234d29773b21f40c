package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A batch of layers run by the engine and, in one Python process, by real PyTorch 1.13.
 *
 * <p>Per case: the printout and the state_dict keys, shapes and dtypes of a freshly built module
 * are compared with torch's; then the engine's module, in float64, has its state_dict copied into
 * torch's (by key, strict) and both run the same steps, each in train or eval mode on a fresh
 * input: the output, the input gradient and every parameter gradient after a backward pass of
 * {@code sum(out * w)} ({@code w} random, so no gradient cancels by symmetry) are compared, and
 * at the end the whole state_dict (running statistics, batch counters) is compared too.
 * Data goes through a temporary binary file (little-endian float64), so big layers are cheap.
 */
final class LayerTorchCases {
    // float64 on both sides; the only differences come from summation order in the kernels.
    private static final double ATOL = 1e-10;
    private static final double RTOL = 1e-9;

    private final List<Case> cases = new ArrayList<>();
    private final StringBuilder definitions = new StringBuilder();

    /** One layer: how the engine builds it, how torch builds it, the input and the steps. */
    static final class Case {
        final String name;
        final String torch;
        final Supplier<Module> engine;
        private IntFunction<Tensor> input;
        private boolean[] train = {true, false};
        private boolean perturb;

        Case(String name, String torch, Supplier<Module> engine) {
            this.name = name;
            this.torch = torch;
            this.engine = engine;
        }

        /** The modes of the steps, in order: {@code true} = train, {@code false} = eval. */
        Case steps(boolean... train) {
            this.train = train.clone();
            return this;
        }

        /**
         * Replaces the parameters' initial values by U(0.5, 1.5) before the run, so that layers
         * initialised to ones and zeros (norms) show whether weight and bias are applied right.
         */
        Case perturb() {
            this.perturb = true;
            return this;
        }

        /** Inputs per step (default: standard normal float64 of the case's shape). */
        Case input(IntFunction<Tensor> input) {
            this.input = input;
            return this;
        }
    }

    /** What one side produced for a case: labelled tensors (null values: None) and text facts. */
    private static final class Result {
        final Map<String, long[]> shapes = new LinkedHashMap<>();
        final Map<String, double[]> values = new LinkedHashMap<>();
        String repr;
        String stateDictMeta;
        String parameterNames;
        String error;

        void put(String label, Tensor t) {
            if (t == null) {
                shapes.put(label, null);
                values.put(label, null);
            } else {
                shapes.put(label, t.shape());
                values.put(label, t.detach().to(DType.FLOAT64).toDoubleArray());
            }
        }
    }

    /** Python code run before the cases, e.g. a helper module class used by their constructors. */
    LayerTorchCases define(String python) {
        definitions.append(python).append('\n');
        return this;
    }

    /** Adds a case whose input is standard normal float64 of {@code shape} (seeded by the step). */
    Case add(String name, String torch, Supplier<Module> engine, long... shape) {
        Case c = new Case(name, torch, engine);
        int seed = name.hashCode();
        c.input = step -> Tensor.randn(new Generator(seed + 31L * step), shape).to(DType.FLOAT64);
        cases.add(c);
        return c;
    }

    /** Runs every case in the engine and in PyTorch; asserts that everything agrees. */
    void check() {
        RealTorch.assumeAvailable();
        try {
            Path dir = Files.createTempDirectory("ember-layers-");
            try {
                check(dir);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(Path dir) throws IOException {
        Blob in = new Blob();
        StringBuilder script = new StringBuilder(PRELUDE).append(definitions);
        Map<String, Result> engine = new LinkedHashMap<>();
        for (Case c : cases) {
            engine.put(c.name, runEngine(c, in, script));
        }
        Path inFile = dir.resolve("in.bin");
        Path outFile = dir.resolve("out.bin");
        Path scriptFile = dir.resolve("layers.py");
        Files.write(inFile, in.bytes());
        Files.writeString(scriptFile, script);
        String stdout = RealTorch.run("import sys; sys.argv = ['layers.py', " + py(inFile) + ", " + py(outFile)
                + "]; exec(open(" + py(scriptFile) + ").read())");
        Map<String, Result> torch = parseTorch(stdout, Files.readAllBytes(outFile));
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String problem = compare(engine.get(c.name), torch.get(c.name));
            if (problem != null) {
                failures.add(c.name + ": " + problem);
            }
        }
        assertThat(failures).as("layer cases that differ from PyTorch (of %d)", cases.size()).isEmpty();
    }

    // ---------------------------------------------------------------- the engine side

    private static Result runEngine(Case c, Blob in, StringBuilder script) {
        Ember.manualSeed(c.name.hashCode());
        Module m = c.engine.get();
        Result r = new Result();
        r.repr = m.toString();
        r.stateDictMeta = meta(m.stateDict());
        r.parameterNames = String.join(",", m.namedParameters().keySet());
        m.to(DType.FLOAT64);
        if (c.perturb) {
            m.parameters().forEach(p -> Init.uniform_(p, 0.5, 1.5));
        }
        script.append("def case():\n    name = ").append(pyStr(c.name)).append("\n    m = ").append(c.torch)
                .append("\n    begin(name, m)\n    sd = {}\n");
        m.stateDict().forEach((k, v) -> script.append("    sd[").append(pyStr(k)).append("] = ").append(in.ref(v))
                .append('\n'));
        script.append("    m = m.double()\n    m.load_state_dict(sd, strict=True)\n");
        Generator wg = new Generator(c.name.hashCode() + 7L);
        for (int step = 0; step < c.train.length; step++) {
            m.train(c.train[step]);
            Tensor x = c.input.apply(step);
            if (x.dtype().isFloatingPoint()) {
                x.requiresGrad_(true);
            }
            Tensor y = m.forward(x);
            Tensor w = Tensor.rand(wg, y.shape()).to(DType.FLOAT64).add(0.5);
            m.zeroGrad();
            y.mul(w).sum().backward();
            String at = step + ".";
            r.put(at + "out", y);
            r.put(at + "input.grad", x.grad());
            m.namedParameters().forEach((k, p) -> r.put(at + k + ".grad", p.grad()));
            script.append("    step(name, m, ").append(step).append(", ").append(py(c.train[step])).append(", ")
                    .append(in.ref(x.detach())).append(", ").append(in.ref(w)).append(")\n");
        }
        m.stateDict().forEach((k, v) -> r.put("state." + k, v));
        script.append("    end(name, m)\nguard(").append(pyStr(c.name)).append(", case)\n\n");
        return r;
    }

    private static String meta(Map<String, Tensor> stateDict) {
        List<String> parts = new ArrayList<>();
        stateDict.forEach((k, v) -> parts.add(k + " " + Arrays.toString(v.shape()) + " " + v.dtype().torchName()));
        return String.join("; ", parts);
    }

    // ---------------------------------------------------------------- the torch side

    private static final String PRELUDE = String.join("\n",
            "import sys, struct, torch, torch.nn as nn",
            "from collections import OrderedDict",
            "IN = open(sys.argv[1], 'rb').read()",
            "OUT = open(sys.argv[2], 'wb')",
            "pos = [0]",
            "def R(off, shape, dt):",
            "    n = 1",
            "    for s in shape: n *= s",
            "    t = torch.tensor(struct.unpack_from('<%dd' % n, IN, off * 8), dtype=torch.float64).reshape(shape)",
            "    return t.to(getattr(torch, dt))",
            "def esc(s): return s.replace('\\\\', '\\\\\\\\').replace('\\n', '\\\\n')",
            "def emit(name, label, t):",
            "    if t is None:",
            "        print('V|%s|%s|None' % (name, label)); return",
            "    v = t.detach().double().reshape(-1).tolist()",
            "    OUT.write(struct.pack('<%dd' % len(v), *v))",
            "    print('V|%s|%s|%s|%d|%d' % (name, label, ','.join(str(s) for s in t.shape), pos[0], len(v)))",
            "    pos[0] += len(v)",
            "def begin(name, m):",
            "    print('R|%s|%s' % (name, esc(str(m))))",
            "    print('K|%s|%s' % (name, '; '.join('%s %s %s' % (k, list(v.shape), str(v.dtype)[6:])"
                    + " for k, v in m.state_dict().items())))",
            "    print('P|%s|%s' % (name, ','.join(k for k, _ in m.named_parameters())))",
            "def step(name, m, i, train, x, w):",
            "    m.train(train)",
            "    if x.is_floating_point(): x.requires_grad_()",
            "    m.zero_grad(set_to_none=True)",
            "    y = m(x)",
            "    if y.numel() != w.numel(): raise ValueError('output shape %s, engine %s' % (list(y.shape), list(w.shape)))",
            "    (y * w.reshape(y.shape)).sum().backward()",
            "    emit(name, '%d.out' % i, y)",
            "    emit(name, '%d.input.grad' % i, x.grad)",
            "    for k, p in m.named_parameters(): emit(name, '%d.%s.grad' % (i, k), p.grad)",
            "def end(name, m):",
            "    for k, v in m.state_dict().items(): emit(name, 'state.' + k, v)",
            "def guard(name, f):",
            "    try: f()",
            "    except Exception as e: print('E|%s|%s: %s' % (name, type(e).__name__, esc(str(e))))",
            "",
            "");

    private static Map<String, Result> parseTorch(String stdout, byte[] out) {
        DoubleBuffer values = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        Map<String, Result> results = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length < 3) {
                continue;
            }
            Result r = results.computeIfAbsent(f[1], k -> new Result());
            switch (f[0]) {
                case "R" -> r.repr = unescape(f[2]);
                case "K" -> r.stateDictMeta = f[2];
                case "P" -> r.parameterNames = f[2];
                case "E" -> r.error = unescape(f[2]);
                case "V" -> {
                    if (f[3].equals("None")) {
                        r.shapes.put(f[2], null);
                        r.values.put(f[2], null);
                    } else {
                        r.shapes.put(f[2], f[3].isEmpty() ? new long[0]
                                : Arrays.stream(f[3].split(",")).mapToLong(Long::parseLong).toArray());
                        double[] v = new double[Integer.parseInt(f[5])];
                        values.get(Integer.parseInt(f[4]), v);
                        r.values.put(f[2], v);
                    }
                }
                default -> { }
            }
        }
        return results;
    }

    // ---------------------------------------------------------------- comparison

    private static String compare(Result e, Result t) {
        if (t == null) {
            return "torch printed nothing";
        }
        if (t.error != null) {
            return "torch failed: " + t.error;
        }
        if (!e.repr.equals(t.repr)) {
            return "printout differs\n  engine: " + e.repr + "\n  torch:  " + t.repr;
        }
        if (!e.stateDictMeta.equals(t.stateDictMeta)) {
            return "state_dict differs\n  engine: " + e.stateDictMeta + "\n  torch:  " + t.stateDictMeta;
        }
        if (!e.parameterNames.equals(t.parameterNames)) {
            return "named_parameters differ: " + e.parameterNames + " vs " + t.parameterNames;
        }
        if (!e.shapes.keySet().equals(t.shapes.keySet())) {
            return "results differ: " + e.shapes.keySet() + " vs " + t.shapes.keySet();
        }
        for (String label : e.shapes.keySet()) {
            long[] es = e.shapes.get(label);
            long[] ts = t.shapes.get(label);
            if (es == null || ts == null) {
                if (es != ts) {
                    return label + ": " + (es == null ? "None" : "a tensor") + " vs " + (ts == null ? "None" : "a tensor");
                }
                continue;
            }
            if (!Arrays.equals(es, ts)) {
                return label + ": shape " + Arrays.toString(es) + " vs " + Arrays.toString(ts);
            }
            double[] a = e.values.get(label);
            double[] b = t.values.get(label);
            for (int i = 0; i < a.length; i++) {
                if (!(Math.abs(a[i] - b[i]) <= ATOL + RTOL * Math.abs(b[i]))) {
                    return label + " element " + i + ": " + a[i] + " vs " + b[i];
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- plumbing

    /** Tensors appended as float64 values; {@link #ref} is the Python expression that reads one back. */
    private static final class Blob {
        private final List<double[]> parts = new ArrayList<>();
        private long size;

        String ref(Tensor t) {
            double[] v = t.to(DType.FLOAT64).toDoubleArray();
            String r = "R(" + size + ", " + Arrays.toString(t.shape()) + ", '" + t.dtype().torchName() + "')";
            parts.add(v);
            size += v.length;
            return r;
        }

        byte[] bytes() {
            ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(size * 8)).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] p : parts) {
                b.asDoubleBuffer().put(p);
                b.position(b.position() + p.length * 8);
            }
            return b.array();
        }
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String py(Path p) {
        return pyStr(p.toString());
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static String pyStr(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
