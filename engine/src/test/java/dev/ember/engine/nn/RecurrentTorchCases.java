package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Recurrent modules run by the engine and, in one Python process, by real PyTorch 1.13 in float64:
 * the engine's parameters are loaded into the torch module by state_dict key ({@code strict=True},
 * so names and shapes must match exactly), both run the same input and initial state, and a
 * weighted sum of every result (output, h_n, c_n) is backpropagated. Compared per case: the
 * state_dict keys in order, every result, and the gradients of the input, the initial states and
 * every parameter.
 */
final class RecurrentTorchCases {
    private static final double ATOL = 1e-12;
    private static final double RTOL = 1e-10;
    private final List<Case> cases = new ArrayList<>();
    private final List<String> reprs = new ArrayList<>();
    private final List<Module> reprModules = new ArrayList<>();
    private Map<String, String> torch;

    /** One module run: {@code call} runs the engine side on (input, states) and returns its results in torch's order. */
    record Case(String name, String torchModule, String torchState, Module module, Tensor input, Tensor[] states,
            BiFunction<Tensor, Tensor[], Tensor[]> call) {
    }

    /**
     * Adds a case; {@code torchModule} builds the same module in Python ({@code nn.LSTM(3, 4, ...)}),
     * {@code torchState} passes the states {@code s0, s1} (e.g. {@code (s0, s1)}) or is null for none.
     */
    void add(String name, String torchModule, String torchState, Module module, Tensor input, Tensor[] states,
            BiFunction<Tensor, Tensor[], Tensor[]> call) {
        module.to(DType.FLOAT64);
        cases.add(new Case(name, torchModule, torchState, module, input, states, call));
    }

    /** Adds a repr check: the engine module's {@code toString()} against Python's {@code str(expr)}. */
    void repr(Module engine, String torchExpr) {
        reprs.add(torchExpr);
        reprModules.add(engine);
    }

    /** Number of cases whose name starts with {@code prefix}. */
    long size(String prefix) {
        return cases.stream().filter(c -> c.name.startsWith(prefix)).count();
    }

    /**
     * Runs every case (all in one Python process, on the first call) and returns the problems of
     * those whose name starts with {@code prefix} (reprs are named {@code "repr <i>"}); empty when all agree.
     */
    List<String> check(String prefix) {
        RealTorch.assumeAvailable();
        if (torch == null) {
            torch = new LinkedHashMap<>();
            for (String line : runScript(script()).split("\n")) {
                int bar = line.indexOf('|');
                if (bar > 0) {
                    torch.put(line.substring(0, bar), line.substring(bar + 1));
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            if (!c.name.startsWith(prefix)) {
                continue;
            }
            String want = torch.get(c.name);
            if (want == null || want.startsWith("E ")) {
                failures.add(c.name + ": torch gave " + want);
                continue;
            }
            String got = engine(c);
            String problem = compare(got.split("\\|", -1), want.split("\\|", -1));
            if (problem != null) {
                failures.add(c.name + ": " + problem);
            }
        }
        for (int i = 0; i < reprs.size() && "repr ".startsWith(prefix); i++) {
            String want = torch.get("repr" + i).replace("\\n", "\n");
            if (!reprModules.get(i).toString().equals(want)) {
                failures.add("repr " + i + ": engine " + reprModules.get(i) + " vs torch " + want);
            }
        }
        return failures;
    }

    /** Runs {@code script} from a temporary file: the cases are too long for a {@code python3 -c} argument. */
    private static String runScript(String script) {
        try {
            Path file = Files.createTempFile("ember-rnn-", ".py");
            try {
                Files.writeString(file, script);
                return RealTorch.run("exec(open('" + file + "').read())");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weights of the summed loss for result {@code k} of a case: fixed, distinct and not symmetric. */
    private static Tensor lossWeights(int k, long[] shape) {
        return Tensor.randn(new Generator(1000 + k), shape).to(DType.FLOAT64);
    }

    private static String engine(Case c) {
        Tensor x = c.input.detach().requiresGrad_(true);
        Tensor[] s = new Tensor[c.states.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = c.states[i].detach().requiresGrad_(true);
        }
        c.module.zeroGrad();
        Tensor[] results = c.call.apply(x, s);
        Tensor loss = null;
        for (int k = 0; k < results.length; k++) {
            Tensor term = results[k].mul(lossWeights(k, results[k].shape())).sum();
            loss = loss == null ? term : loss.add(term);
        }
        loss.backward();
        StringBuilder sb = new StringBuilder(String.join(",", c.module.stateDict().keySet()));
        for (Tensor r : results) {
            sb.append('|').append(shapeAndValues(r.detach()));
        }
        sb.append('|').append(shapeAndValues(x.grad()));
        for (Tensor t : s) {
            sb.append('|').append(shapeAndValues(t.grad()));
        }
        for (Tensor p : c.module.namedParameters().values()) {
            sb.append('|').append(shapeAndValues(p.grad()));
        }
        return sb.toString();
    }

    private static String shapeAndValues(Tensor t) {
        if (t == null) {
            return "None";
        }
        StringBuilder sb = new StringBuilder("[");
        long[] shape = t.shape();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : " ").append(shape[i]);
        }
        return sb.append(']').append(join(t.toDoubleArray())).toString();
    }

    private static String compare(String[] got, String[] want) {
        if (got.length != want.length) {
            return "different number of results: engine " + got.length + ", torch " + want.length;
        }
        if (!got[0].equals(want[0])) {
            return "state_dict keys differ: engine " + got[0] + ", torch " + want[0];
        }
        for (int p = 1; p < got.length; p++) {
            String what = "result " + p;
            String shapeA = got[p].substring(0, got[p].indexOf(']') + 1);
            String shapeB = want[p].substring(0, want[p].indexOf(']') + 1);
            if (!shapeA.equals(shapeB)) {
                return what + ": shape " + shapeA + " vs torch " + shapeB;
            }
            String[] a = split(got[p].substring(shapeA.length()));
            String[] b = split(want[p].substring(shapeB.length()));
            if (a.length != b.length) {
                return what + ": " + a.length + " values vs " + b.length;
            }
            for (int i = 0; i < a.length; i++) {
                double x = Double.parseDouble(a[i]);
                double y = Double.parseDouble(b[i]);
                if (!(Math.abs(x - y) <= ATOL + RTOL * Math.abs(y))) {
                    return what + " element " + i + ": " + x + " vs torch " + y;
                }
            }
        }
        return null;
    }

    private static String[] split(String s) {
        return s.isEmpty() ? new String[0] : s.split(",");
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }

    private static String literal(Tensor t) {
        StringBuilder sb = new StringBuilder("T([").append(join(t.detach().to(DType.FLOAT64).toDoubleArray()))
                .append("], [");
        long[] s = t.shape();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.append("])").toString();
    }

    private String script() {
        StringBuilder sb = new StringBuilder(String.join("\n",
                "import torch, torch.nn as nn",
                "def T(v, s): return torch.tensor(v, dtype=torch.float64).reshape(s)",
                "def flat(r): return [t for e in r for t in flat(e)] if isinstance(r, tuple) else [r]",
                "def f(t):",
                "    if t is None: return 'None'",
                "    return '[' + ' '.join(str(d) for d in t.shape) + ']' + ','.join(repr(v) for v in t.detach().reshape(-1).tolist())",
                "def run(name, m, sd, x, ss, call, ws):",
                "    m = m.double()",
                "    m.load_state_dict(sd, strict=True)",
                "    x.requires_grad_()",
                "    for s in ss: s.requires_grad_()",
                "    rs = flat(call(m, x, ss))",
                "    sum((r * w).sum() for r, w in zip(rs, ws)).backward()",
                "    params = dict(m.named_parameters())",
                "    print(name + '|' + ','.join(m.state_dict().keys()) + ''.join('|' + f(r) for r in rs) + '|' + f(x.grad)",
                "          + ''.join('|' + f(s.grad) for s in ss) + ''.join('|' + f(params[k].grad) for k in m.state_dict().keys()))",
                ""));
        for (Case c : cases) {
            Tensor[] results = c.call.apply(c.input, c.states);
            sb.append("try:\n    run('").append(c.name).append("', ").append(c.torchModule).append(", {");
            c.module.stateDict().forEach((k, v) -> sb.append("'").append(k).append("': ").append(literal(v)).append(", "));
            sb.append("}, ").append(literal(c.input)).append(", [");
            for (Tensor s : c.states) {
                sb.append(literal(s)).append(", ");
            }
            sb.append("], lambda m, x, ss: ").append(c.torchState == null ? "m(x)" : "m(x, " + c.torchState + ")")
                    .append(", [");
            for (int k = 0; k < results.length; k++) {
                sb.append(literal(lossWeights(k, results[k].shape()))).append(", ");
            }
            sb.append("])\nexcept Exception as e:\n    print('").append(c.name)
                    .append("|E ' + str(e).replace('\\n', ' '))\n");
        }
        for (int i = 0; i < reprs.size(); i++) {
            sb.append("print('repr").append(i).append("|' + str(").append(reprs.get(i))
                    .append(").replace('\\n', '\\\\n'))\n");
        }
        return sb.toString();
    }
}
