package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A batch of loss evaluations run by the engine and, in one Python process, by real PyTorch 1.13
 * on the same float64 data: the loss values and the gradients of the inputs marked with
 * {@link Case#grad}, after a backward pass of {@code sum(loss * w)} with {@code w = 1 + 0.1 k}
 * (so that every element of an unreduced loss gets its own weight).
 */
final class LossTorchCases {
    private static final double ATOL = 1e-12;
    private static final double RTOL = 1e-10;
    private final List<Case> cases = new ArrayList<>();

    /** One loss: inputs by Python name, the engine's computation and PyTorch's expression of it. */
    static final class Case {
        final String name;
        final String torch;
        final Function<Map<String, Tensor>, Tensor> engine;
        final LinkedHashMap<String, Tensor> inputs = new LinkedHashMap<>();
        final Set<String> grads = new LinkedHashSet<>();

        Case(String name, String torch, Function<Map<String, Tensor>, Tensor> engine) {
            this.name = name;
            this.torch = torch;
            this.engine = engine;
        }

        /** A constant input. */
        Case with(String pyName, Tensor value) {
            inputs.put(pyName, value);
            return this;
        }

        /** An input whose gradient is compared. */
        Case grad(String pyName, Tensor value) {
            grads.add(pyName);
            return with(pyName, value);
        }
    }

    /** Adds a case; {@code torch} is a Python expression over the inputs' names ({@code torch}, {@code nn}, {@code F}). */
    Case add(String name, String torch, Function<Map<String, Tensor>, Tensor> engine) {
        Case c = new Case(name, torch, engine);
        cases.add(c);
        return c;
    }

    int size() {
        return cases.size();
    }

    /** Runs every case in the engine and in PyTorch; asserts values and gradients agree. */
    void check() {
        RealTorch.assumeAvailable();
        Map<String, String> torch = new LinkedHashMap<>();
        for (String line : RealTorch.run(script()).split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                torch.put(line.substring(0, bar), line.substring(bar + 1));
            }
        }
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String want = torch.get(c.name);
            if (want == null || want.startsWith("E ")) {
                failures.add(c.name + ": torch gave " + want);
                continue;
            }
            String got = engine(c);
            String problem = compare(got.split("\\|", -1), want.split("\\|", -1));
            if (problem != null) {
                failures.add(c.name + ": " + problem + "\n    engine " + got + "\n    torch  " + want);
            }
        }
        assertThat(failures).as("loss cases that differ from PyTorch (of %d)", cases.size()).isEmpty();
    }

    private static String engine(Case c) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        c.inputs.forEach((k, v) -> in.put(k, c.grads.contains(k) ? v.detach().requiresGrad_(true) : v));
        Tensor loss = c.engine.apply(in);
        double[] w = new double[(int) loss.numel()];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + 0.1 * k;
        }
        loss.mul(Tensor.fromArray(w, loss.shape())).sum().backward();
        StringBuilder sb = new StringBuilder(join(loss.detach().toDoubleArray()));
        for (String g : c.grads) {
            Tensor grad = in.get(g).grad();
            sb.append('|').append(grad == null ? "None" : join(grad.toDoubleArray()));
        }
        return sb.toString();
    }

    private static String compare(String[] got, String[] want) {
        if (got.length != want.length) {
            return "different number of results";
        }
        for (int p = 0; p < got.length; p++) {
            String what = p == 0 ? "loss" : "gradient " + p;
            String[] a = got[p].isEmpty() ? new String[0] : got[p].split(",");
            String[] b = want[p].isEmpty() ? new String[0] : want[p].split(",");
            if (a.length != b.length) {
                return what + ": " + a.length + " values vs " + b.length;
            }
            for (int i = 0; i < a.length; i++) {
                double x = parse(a[i]);
                double y = parse(b[i]);
                boolean same = Double.isNaN(x) ? Double.isNaN(y)
                        : x == y || Math.abs(x - y) <= ATOL + RTOL * Math.abs(y);
                if (!same) {
                    return what + " element " + i + ": " + x + " vs " + y;
                }
            }
        }
        return null;
    }

    private static double parse(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(Double.isNaN(v[i]) ? "nan"
                    : Double.isInfinite(v[i]) ? (v[i] > 0 ? "inf" : "-inf") : Double.toString(v[i]));
        }
        return sb.toString();
    }

    private String script() {
        StringBuilder sb = new StringBuilder(String.join("\n",
                "import torch, torch.nn as nn, torch.nn.functional as F",
                "inf = float('inf'); nan = float('nan')",
                "def T(v, s, dt, g):",
                "    t = torch.tensor(v, dtype=getattr(torch, dt)).reshape(s)",
                "    return t.requires_grad_() if g else t",
                "def f(t): return ','.join(repr(v) for v in t.detach().reshape(-1).tolist())",
                "def out(name, L, gs):",
                "    w = 1 + 0.1 * torch.arange(L.numel(), dtype=torch.float64).reshape(L.shape)",
                "    (L * w).sum().backward()",
                "    print(name + '|' + f(L) + ''.join('|' + (f(g.grad) if g.grad is not None else 'None') for g in gs))",
                ""));
        for (Case c : cases) {
            sb.append("try:\n");
            c.inputs.forEach((k, v) -> sb.append("    ").append(k).append(" = ").append(literal(v, c.grads.contains(k)))
                    .append('\n'));
            sb.append("    out('").append(c.name).append("', ").append(c.torch).append(", [")
                    .append(String.join(", ", c.grads)).append("])\n");
            sb.append("except Exception as e:\n    print('").append(c.name)
                    .append("|E ' + str(e).replace('\\n', ' '))\n");
        }
        return sb.toString();
    }

    private static String literal(Tensor t, boolean grad) {
        StringBuilder sb = new StringBuilder("T([");
        if (t.dtype().isFloatingPoint()) {
            sb.append(join(t.toDoubleArray()));
        } else {
            long[] v = t.toLongArray();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ",").append(v[i]);
            }
        }
        sb.append("], [");
        long[] s = t.shape();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.append("], '").append(t.dtype()).append("', ").append(grad ? "True" : "False").append(')').toString();
    }

    // ---------------------------------------------------------------- data

    /** Standard normal float64 values. */
    static Tensor randn(long seed, long... shape) {
        return Tensor.randn(new Generator(seed), shape).to(DType.FLOAT64);
    }

    /** Uniform float64 values in (lo, hi). */
    static Tensor uniform(long seed, double lo, double hi, long... shape) {
        double[] v = new double[(int) dev.ember.engine.internal.Shapes.numel(shape)];
        new Generator(seed).fillUniform(v, lo, hi);
        return Tensor.fromArray(v, shape);
    }

    /** Class probabilities along {@code dim}. */
    static Tensor probs(long seed, int dim, long... shape) {
        return randn(seed, shape).softmax(dim).detach();
    }

    /** int64 tensor of {@code values}. */
    static Tensor ints(long[] values, long... shape) {
        return Tensor.fromArray(values, shape);
    }

    /** Random class indices in [0, high), every {@code everyIgnored}-th set to -100 (0: none). */
    static Tensor indices(long seed, long high, int everyIgnored, long... shape) {
        long[] v = Tensor.randint(new Generator(seed), 0, high, shape).toLongArray();
        for (int i = 0; everyIgnored > 0 && i < v.length; i += everyIgnored) {
            v[i] = -100;
        }
        return Tensor.fromArray(v, shape);
    }

    /** {@code t} with the given flat positions overwritten. */
    static Tensor set(Tensor t, double[] values, int... positions) {
        double[] v = t.toDoubleArray();
        for (int i = 0; i < positions.length; i++) {
            v[positions[i]] = values[i];
        }
        return Tensor.fromArray(v, t.shape());
    }
}
