package dev.ember.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer and many option combinations against real PyTorch 1.13 (one python process for
 * all cases): the same float64 objective, whose gradients each side computes with its own
 * autograd, is minimized from the same start for 15 steps, and the parameters must agree to
 * 1e-10 relative after every step. Also checks that the per-parameter state has PyTorch's keys.
 */
class OptimizerTorchTest {
    static final int STEPS = 15;
    static final double RTOL = 1e-10;
    static final double ATOL = 1e-13;

    /** One run: how each side builds the optimizer, whether the objective is negated (for maximize), whether b skips odd steps. */
    record Case(String id, BiFunction<Tensor, Tensor, Optimizer> java, String torch, boolean negate, boolean skipB) {
        static Case of(String id, BiFunction<Tensor, Tensor, Optimizer> java, String torch) {
            return new Case(id, java, torch, false, false);
        }

        static Case negated(String id, BiFunction<Tensor, Tensor, Optimizer> java, String torch) {
            return new Case(id, java, torch, true, false);
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(Case.of("sgd", (w, b) -> new SGD(List.of(w, b), 0.1), "SGD([W, b], lr=0.1)"));
        c.add(Case.of("sgd_momentum", (w, b) -> new SGD(List.of(w, b), 0.05).momentum(0.9),
                "SGD([W, b], lr=0.05, momentum=0.9)"));
        c.add(Case.of("sgd_dampening_wd", (w, b) -> new SGD(List.of(w, b), 0.05).momentum(0.9).dampening(0.3)
                .weightDecay(0.01), "SGD([W, b], lr=0.05, momentum=0.9, dampening=0.3, weight_decay=0.01)"));
        c.add(Case.of("sgd_nesterov_wd", (w, b) -> new SGD(List.of(w, b), 0.05).nesterov(true).momentum(0.8)
                .weightDecay(1e-3), "SGD([W, b], lr=0.05, momentum=0.8, nesterov=True, weight_decay=1e-3)"));
        c.add(Case.negated("sgd_maximize", (w, b) -> new SGD(List.of(w, b), 0.05).momentum(0.5).maximize(true),
                "SGD([W, b], lr=0.05, momentum=0.5, maximize=True)"));
        c.add(Case.of("sgd_groups", (w, b) -> new SGD(List.of(ParamGroup.of(w),
                ParamGroup.of(b).lr(0.01).set("momentum", 0.5)), 0.05).momentum(0.9),
                "SGD([{'params': [W]}, {'params': [b], 'lr': 0.01, 'momentum': 0.5}], lr=0.05, momentum=0.9)"));
        c.add(Case.of("adam", (w, b) -> new Adam(List.of(w, b), 0.01), "Adam([W, b], lr=0.01)"));
        c.add(Case.of("adam_wd", (w, b) -> new Adam(List.of(w, b), 0.02).weightDecay(0.1),
                "Adam([W, b], lr=0.02, weight_decay=0.1)"));
        c.add(Case.of("adam_amsgrad", (w, b) -> new Adam(List.of(w, b), 0.05).amsgrad(true).betas(0.8, 0.99),
                "Adam([W, b], lr=0.05, amsgrad=True, betas=(0.8, 0.99))"));
        c.add(Case.negated("adam_maximize_amsgrad_wd", (w, b) -> new Adam(List.of(w, b), 0.01).maximize(true)
                .amsgrad(true).weightDecay(0.05).eps(1e-6),
                "Adam([W, b], lr=0.01, maximize=True, amsgrad=True, weight_decay=0.05, eps=1e-6)"));
        c.add(Case.of("adam_groups", (w, b) -> new Adam(List.of(ParamGroup.of(w).lr(0.02),
                ParamGroup.of(b).set("betas", List.of(0.5, 0.9))), 0.01),
                "Adam([{'params': [W], 'lr': 0.02}, {'params': [b], 'betas': (0.5, 0.9)}], lr=0.01)"));
        c.add(new Case("adam_b_skips_odd_steps", (w, b) -> new Adam(List.of(w, b), 0.03),
                "Adam([W, b], lr=0.03)", false, true));
        c.add(Case.of("adamw", (w, b) -> new AdamW(List.of(w, b), 0.01), "AdamW([W, b], lr=0.01)"));
        c.add(Case.of("adamw_amsgrad", (w, b) -> new AdamW(List.of(w, b), 0.05).weightDecay(0.1).amsgrad(true),
                "AdamW([W, b], lr=0.05, weight_decay=0.1, amsgrad=True)"));
        c.add(Case.negated("adamw_maximize", (w, b) -> new AdamW(List.of(w, b), 0.01).maximize(true)
                .betas(0.85, 0.95), "AdamW([W, b], lr=0.01, maximize=True, betas=(0.85, 0.95))"));
        c.add(Case.of("rmsprop", (w, b) -> new RMSprop(List.of(w, b), 0.01), "RMSprop([W, b], lr=0.01)"));
        c.add(Case.of("rmsprop_momentum", (w, b) -> new RMSprop(List.of(w, b), 0.005).momentum(0.9),
                "RMSprop([W, b], lr=0.005, momentum=0.9)"));
        c.add(Case.of("rmsprop_centered", (w, b) -> new RMSprop(List.of(w, b), 0.01).centered(true),
                "RMSprop([W, b], lr=0.01, centered=True)"));
        c.add(Case.of("rmsprop_all", (w, b) -> new RMSprop(List.of(w, b), 0.005).centered(true).momentum(0.5)
                .weightDecay(0.1).alpha(0.9).eps(1e-6),
                "RMSprop([W, b], lr=0.005, centered=True, momentum=0.5, weight_decay=0.1, alpha=0.9, eps=1e-6)"));
        c.add(Case.negated("rmsprop_maximize", (w, b) -> new RMSprop(List.of(w, b), 0.01).maximize(true),
                "RMSprop([W, b], lr=0.01, maximize=True)"));
        c.add(Case.of("adagrad", (w, b) -> new Adagrad(List.of(w, b), 0.1), "Adagrad([W, b], lr=0.1)"));
        c.add(Case.of("adagrad_all", (w, b) -> new Adagrad(List.of(w, b), 0.1).lrDecay(0.05).weightDecay(0.1)
                .initialAccumulatorValue(0.1).eps(1e-8), "Adagrad([W, b], lr=0.1, lr_decay=0.05, "
                + "weight_decay=0.1, initial_accumulator_value=0.1, eps=1e-8)"));
        c.add(Case.negated("adagrad_maximize", (w, b) -> new Adagrad(List.of(w, b), 0.1).maximize(true),
                "Adagrad([W, b], lr=0.1, maximize=True)"));
        return c;
    }

    // ---------------------------------------------------------------- the shared objective

    static final double[] X = values(8 * 3, i -> Math.sin(1.3 * i + 0.1));
    static final double[] Y = values(8 * 2, i -> Math.cos(0.7 * i) * 0.5);
    static final double[] W0 = values(3 * 2, i -> 0.3 * (i - 2.5));
    static final double[] B0 = {0.2, -0.4};

    interface Fn {
        double at(int i);
    }

    static double[] values(int n, Fn f) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.at(i);
        }
        return v;
    }

    /** mean((X W + b - Y)^2) + 0.05 sum(W^4): a regression with a quartic term, so gradients are not linear. */
    static Tensor loss(Tensor w, Tensor b, boolean negate) {
        Tensor x = Tensor.fromArray(X, 8, 3);
        Tensor y = Tensor.fromArray(Y, 8, 2);
        Tensor l = x.matmul(w).add(b).sub(y).pow(2).mean().add(w.pow(4).sum().mul(0.05));
        return negate ? l.neg() : l;
    }

    /** Parameters after each step, W then b flattened. */
    static List<double[]> trainJava(Case c) {
        Tensor w = Tensor.fromArray(W0.clone(), 3, 2).requiresGrad_(true);
        Tensor b = Tensor.fromArray(B0.clone(), 2).requiresGrad_(true);
        Optimizer opt = c.java().apply(w, b);
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < STEPS; s++) {
            opt.zeroGrad();
            loss(w, b, c.negate()).backward();
            if (c.skipB() && s % 2 == 1) {
                b.setGrad(null);
            }
            opt.step();
            out.add(concat(w.toDoubleArray(), b.toDoubleArray()));
        }
        lastState.put(c.id(), opt);
        return out;
    }

    static final Map<String, Optimizer> lastState = new HashMap<>();

    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String py(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    static String script() {
        StringBuilder s = new StringBuilder(String.join("\n",
                "import torch",
                "from torch.optim import SGD, Adam, AdamW, RMSprop, Adagrad",
                "torch.set_default_dtype(torch.float64)",
                "X = torch.tensor(" + py(X) + ").reshape(8, 3)",
                "Y = torch.tensor(" + py(Y) + ").reshape(8, 2)",
                "W0 = torch.tensor(" + py(W0) + ").reshape(3, 2)",
                "B0 = torch.tensor(" + py(B0) + ")",
                "def loss(W, b, neg):",
                "    l = ((X @ W + b - Y) ** 2).mean() + 0.05 * (W ** 4).sum()",
                "    return -l if neg else l",
                "def run(cid, make, neg, skip_b):",
                "    W = W0.clone().requires_grad_()",
                "    b = B0.clone().requires_grad_()",
                "    opt = make(W, b)",
                "    for s in range(" + STEPS + "):",
                "        opt.zero_grad()",
                "        loss(W, b, neg).backward()",
                "        if skip_b and s % 2 == 1:",
                "            b.grad = None",
                "        opt.step()",
                "        print(cid, s, ' '.join(repr(v) for v in W.detach().flatten().tolist() + b.detach().tolist()))",
                "    print(cid, 'keys', ','.join(sorted(k for k, v in opt.state[W].items() if v is not None)))",
                "    print(cid, 'gkeys', ','.join(sorted(opt.param_groups[0].keys())))",
                ""));
        s.append(RESUME_SCRIPT);
        for (Case c : cases()) {
            s.append("run('").append(c.id()).append("', lambda W, b: ").append(c.torch()).append(", ")
                    .append(c.negate() ? "True" : "False").append(", ").append(c.skipB() ? "True" : "False")
                    .append(")\n");
        }
        return s.toString();
    }

    /** PyTorch trains 5 steps, prints its state_dict and the parameters, then 5 more steps (after each: values). */
    static final String RESUME_SCRIPT = String.join("\n",
            "W = W0.clone().requires_grad_()",
            "b = B0.clone().requires_grad_()",
            "opt = " + "Adam([{'params': [W]}, {'params': [b], 'lr': 0.02}], lr=0.05, amsgrad=True, weight_decay=0.01)",
            "def train(steps, show):",
            "    for s in steps:",
            "        opt.zero_grad()",
            "        loss(W, b, False).backward()",
            "        opt.step()",
            "        if show:",
            "            print('resume', 'after', s, ' '.join(repr(v) for v in W.detach().flatten().tolist() + b.detach().tolist()))",
            "train(range(5), False)",
            "sd = opt.state_dict()",
            "print('resume', 'params', ' '.join(repr(v) for v in W.detach().flatten().tolist() + b.detach().tolist()))",
            "for k, st in sd['state'].items():",
            "    for name, v in st.items():",
            "        print('resume', 'state', k, name, ' '.join(repr(x) for x in v.flatten().tolist()), v.dim())",
            "for i, g in enumerate(sd['param_groups']):",
            "    for name, v in g.items():",
            "        print('resume', 'group', i, name, repr(v).replace(' ', ''))",
            "train(range(5, 10), True)",
            "");

    /** A Python repr of a group option: True/False/None, (a, b), [i, j], a number. */
    static Object pyValue(String repr) {
        switch (repr) {
            case "True": return true;
            case "False": return false;
            case "None": return null;
            default: break;
        }
        if (repr.startsWith("(") || repr.startsWith("[")) {
            String inner = repr.substring(1, repr.length() - 1);
            List<Object> out = new ArrayList<>();
            for (String part : inner.split(",")) {
                if (!part.isEmpty()) {
                    out.add(repr.startsWith("[") ? (Object) Integer.parseInt(part) : (Object) Double.parseDouble(part));
                }
            }
            return out;
        }
        return Double.parseDouble(repr);
    }

    @Test
    void loadsAPyTorchStateDictAndContinuesLikePyTorch() {
        RealTorch.assumeAvailable();
        double[] params = null;
        Map<Object, Map<String, Object>> state = new TreeMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        List<double[]> after = new ArrayList<>();
        for (String[] line : torch.get("resume")) {
            String[] f = line[2].split(" ");
            switch (line[1]) {
                case "params" -> params = Arrays.stream(f).mapToDouble(Double::parseDouble).toArray();
                case "state" -> {
                    long[] shape = f[0].equals("0") ? new long[] {3, 2} : new long[] {2};
                    // index, name, values..., dim
                    double[] v = Arrays.stream(f, 2, f.length - 1).mapToDouble(Double::parseDouble).toArray();
                    Object value = f[f.length - 1].equals("0") ? Tensor.scalar(v[0]) : Tensor.fromArray(v, shape);
                    state.computeIfAbsent(Integer.parseInt(f[0]), k -> new LinkedHashMap<>()).put(f[1], value);
                }
                case "group" -> {
                    int g = Integer.parseInt(f[0]);
                    while (groups.size() <= g) {
                        groups.add(new LinkedHashMap<>());
                    }
                    groups.get(g).put(f[1], pyValue(f[2]));
                }
                case "after" -> after.add(Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
                default -> throw new AssertionError(line[1]);
            }
        }
        assertThat(groups.get(0)).containsKeys("foreach", "capturable", "params"); // PyTorch's own layout
        assertThat(state.get(0).get("step")).isInstanceOf(Tensor.class);

        Tensor w = Tensor.fromArray(Arrays.copyOfRange(params, 0, 6), 3, 2).requiresGrad_(true);
        Tensor b = Tensor.fromArray(Arrays.copyOfRange(params, 6, 8), 2).requiresGrad_(true);
        // A fresh optimizer with other options: everything must come from the loaded state.
        Optimizer opt = new Adam(List.of(ParamGroup.of(w), ParamGroup.of(b)), 0.9);
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("type", "Adam"); // PyTorch's state_dict has no type entry; an importer supplies it
        sd.put("state", state);
        sd.put("param_groups", groups);
        opt.loadStateDict(sd);
        assertThat(opt.paramGroups().get(1).lr()).isEqualTo(0.02);
        assertThat(opt.paramGroups().get(0).getBoolean("amsgrad")).isTrue();
        for (int s = 0; s < 5; s++) {
            opt.zeroGrad();
            loss(w, b, false).backward();
            opt.step();
            double[] actual = concat(w.toDoubleArray(), b.toDoubleArray());
            double[] expected = after.get(s);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Math.abs(actual[i] - expected[i])).as("resumed step %d value %d", s, i)
                        .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(expected[i]));
            }
        }
        assertThat(opt.state(w).get("step")).isEqualTo(10L);
    }

    static Map<String, List<String[]>> torch;

    @BeforeAll
    static void runTorch() {
        if (!RealTorch.isAvailable()) {
            return;
        }
        torch = new HashMap<>();
        for (String line : RealTorch.run(script()).split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3) {
                torch.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorchStepByStep() {
        RealTorch.assumeAvailable();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(Case c) {
        List<String[]> lines = torch.get(c.id());
        assertThat(lines).as("torch output for %s", c.id()).hasSize(STEPS + 2);
        List<double[]> java = trainJava(c);
        for (int s = 0; s < STEPS; s++) {
            double[] expected = Arrays.stream(lines.get(s)[2].split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] actual = java.get(s);
            for (int i = 0; i < expected.length; i++) {
                double tol = ATOL + RTOL * Math.abs(expected[i]);
                assertThat(Math.abs(actual[i] - expected[i])).as("%s step %d value %d: engine %s vs torch %s",
                        c.id(), s, i, actual[i], expected[i]).isLessThanOrEqualTo(tol);
            }
        }
        // The values move: a case whose parameters never changed would prove nothing.
        assertThat(java.get(STEPS - 1)).isNotEqualTo(concat(W0, B0));
        Optimizer opt = lastState.get(c.id());
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) opt.stateDict().get("state");
        String[] keys = lines.get(STEPS)[2].split(",");
        assertThat(new TreeSet<>(state.getOrDefault(0, Map.of()).keySet())).as("state keys of %s", c.id())
                .containsExactlyElementsOf(new TreeSet<>(List.of(keys[0].isEmpty() ? new String[0] : keys)));
        List<String> torchGroupKeys = List.of(lines.get(STEPS + 1)[2].split(","));
        assertThat(opt.paramGroups().get(0).options().keySet()).as("group keys of %s", c.id())
                .isSubsetOf(torchGroupKeys);
    }
}
