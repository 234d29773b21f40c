package dev.ember.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scheduler against real PyTorch 1.13 (one python process): learning rates of every group
 * (and the cycled momentum / beta1 for OneCycleLR) after construction and after each of 30 steps
 * must agree to 1e-12 relative; ReduceLROnPlateau is fed the same metric sequence on both sides.
 */
class SchedulerTorchTest {
    static final int STEPS = 30;

    /** A metric with improvements, plateaus, small relative changes and a late drop. */
    static final double[] METRICS = new double[STEPS];

    static {
        for (int i = 0; i < STEPS; i++) {
            double trend = i < 6 ? 1.0 - 0.1 * i : i < 18 ? 0.5 + 0.002 * ((i * 7) % 5) : 0.3 - 0.001 * i;
            METRICS[i] = trend;
        }
    }

    record Case(String id, Supplier<Optimizer> javaOpt, Function<Optimizer, Scheduler> javaSched, String torchOpt,
            String torchSched, String momentum) {
    }

    static Optimizer sgd(double momentum) {
        return new SGD(List.of(ParamGroup.of(Tensor.zeros(2)), ParamGroup.of(Tensor.zeros(3)).lr(0.5)), 0.1)
                .momentum(momentum);
    }

    static final String TORCH_SGD = "SGD([{'params': [p1]}, {'params': [p2], 'lr': 0.5}], lr=0.1, momentum=%s)";

    static Case sgdCase(String id, Function<Optimizer, Scheduler> s, String torch) {
        return new Case(id, () -> sgd(0), s, TORCH_SGD.formatted("0"), torch, "none");
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(sgdCase("step", o -> new StepLR(o, 7, 0.5), "StepLR(opt, 7, gamma=0.5)"));
        c.add(sgdCase("step_default_gamma", o -> new StepLR(o, 3), "StepLR(opt, 3)"));
        c.add(sgdCase("multistep", o -> new MultiStepLR(o, List.of(5, 12, 12, 20), 0.3),
                "MultiStepLR(opt, [5, 12, 12, 20], gamma=0.3)"));
        c.add(sgdCase("exponential", o -> new ExponentialLR(o, 0.9), "ExponentialLR(opt, 0.9)"));
        c.add(sgdCase("cosine", o -> new CosineAnnealingLR(o, 10, 0.001), "CosineAnnealingLR(opt, 10, eta_min=0.001)"));
        c.add(sgdCase("cosine_default", o -> new CosineAnnealingLR(o, 7), "CosineAnnealingLR(opt, 7)"));
        c.add(sgdCase("lambda", o -> new LambdaLR(o, e -> Math.pow(0.95, e)), "LambdaLR(opt, lambda e: 0.95 ** e)"));
        c.add(sgdCase("lambda_per_group", o -> new LambdaLR(o, List.<IntToDoubleFunction>of(e -> 1.0 / (e + 1),
                e -> 0.5 * (e % 3 + 1))), "LambdaLR(opt, [lambda e: 1.0 / (e + 1), lambda e: 0.5 * (e % 3 + 1)])"));
        c.add(new Case("onecycle_sgd_momentum", () -> sgd(0.9), o -> new OneCycleLR(o, 1.0, STEPS),
                TORCH_SGD.formatted("0.9"), "OneCycleLR(opt, max_lr=1.0, total_steps=" + STEPS + ")", "momentum"));
        c.add(new Case("onecycle_adam_linear_three_phase",
                () -> new Adam(List.of(ParamGroup.of(Tensor.zeros(2)), ParamGroup.of(Tensor.zeros(3)))),
                o -> new OneCycleLR(o, new double[] {0.01, 0.02}, OneCycleLR.options().totalSteps(STEPS)
                        .pctStart(0.25).annealStrategy("linear").threePhase(true).divFactor(10).finalDivFactor(100)
                        .baseMomentum(0.8).maxMomentum(0.9, 0.95)),
                "Adam([{'params': [p1]}, {'params': [p2]}])",
                "OneCycleLR(opt, max_lr=[0.01, 0.02], total_steps=" + STEPS + ", pct_start=0.25, "
                        + "anneal_strategy='linear', three_phase=True, div_factor=10, final_div_factor=100, "
                        + "base_momentum=0.8, max_momentum=[0.9, 0.95])", "beta1"));
        c.add(new Case("onecycle_epochs_no_momentum", () -> sgd(0),
                o -> new OneCycleLR(o, 0.5, OneCycleLR.options().epochs(3).stepsPerEpoch(10).cycleMomentum(false)),
                TORCH_SGD.formatted("0"), "OneCycleLR(opt, max_lr=0.5, epochs=3, steps_per_epoch=10, "
                        + "cycle_momentum=False)", "momentum"));
        c.add(sgdCase("plateau_min", o -> new ReduceLROnPlateau(o, ReduceLROnPlateau.options().patience(2)),
                "ReduceLROnPlateau(opt, patience=2)"));
        c.add(sgdCase("plateau_max_abs_cooldown_minlr", o -> new ReduceLROnPlateau(o, ReduceLROnPlateau.options()
                .mode("max").threshold(0.05).thresholdMode("abs").cooldown(2).minLr(0.02, 0.001).factor(0.5)
                .patience(1)), "ReduceLROnPlateau(opt, mode='max', threshold=0.05, threshold_mode='abs', "
                + "cooldown=2, min_lr=[0.02, 0.001], factor=0.5, patience=1)"));
        c.add(sgdCase("plateau_eps", o -> new ReduceLROnPlateau(o, ReduceLROnPlateau.options().factor(0.5)
                .patience(0).eps(0.02)), "ReduceLROnPlateau(opt, factor=0.5, patience=0, eps=0.02)"));
        c.add(sgdCase("plateau_rel_threshold", o -> new ReduceLROnPlateau(o, ReduceLROnPlateau.options()
                .threshold(0.1).patience(1).cooldown(1)), "ReduceLROnPlateau(opt, threshold=0.1, patience=1, cooldown=1)"));
        c.add(sgdCase("plateau_max_rel", o -> new ReduceLROnPlateau(o, ReduceLROnPlateau.options().mode("max")
                .patience(3).factor(0.2)), "ReduceLROnPlateau(opt, mode='max', patience=3, factor=0.2)"));
        return c;
    }

    /** Group lrs, then momenta (SGD momentum or Adam beta1) when the case tracks them. */
    static double[] record(Optimizer opt, String momentum) {
        List<Double> v = new ArrayList<>();
        opt.paramGroups().forEach(g -> v.add(g.lr()));
        if (momentum.equals("momentum")) {
            opt.paramGroups().forEach(g -> v.add(g.getDouble("momentum")));
        } else if (momentum.equals("beta1")) {
            opt.paramGroups().forEach(g -> v.add(g.getDoubles("betas")[0]));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<double[]> runJava(Case c) {
        Optimizer opt = c.javaOpt().get();
        Scheduler s = c.javaSched().apply(opt);
        List<double[]> out = new ArrayList<>();
        out.add(record(opt, c.momentum()));
        for (int i = 0; i < STEPS; i++) {
            opt.step();
            if (s instanceof ReduceLROnPlateau p) {
                p.step(METRICS[i]);
            } else {
                ((LRScheduler) s).step();
            }
            out.add(record(opt, c.momentum()));
            assertThat(s.getLastLr()).isEqualTo(opt.paramGroups().stream().map(ParamGroup::lr).toList());
        }
        return out;
    }

    static String script() {
        StringBuilder s = new StringBuilder(String.join("\n",
                "import torch, warnings",
                "from torch.optim import SGD, Adam",
                "from torch.optim.lr_scheduler import *",
                "torch.set_default_dtype(torch.float64)",
                "M = " + Arrays.stream(METRICS).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]")),
                "def run(cid, make_opt, make_sched, mom):",
                "    p1 = torch.zeros(2, requires_grad=True)",
                "    p2 = torch.zeros(3, requires_grad=True)",
                "    opt = make_opt(p1, p2)",
                "    sched = make_sched(opt)",
                "    def rec(step):",
                "        v = [g['lr'] for g in opt.param_groups]",
                "        if mom == 'momentum': v += [g['momentum'] for g in opt.param_groups]",
                "        if mom == 'beta1': v += [g['betas'][0] for g in opt.param_groups]",
                "        print(cid, step, ' '.join(repr(float(x)) for x in v))",
                "    rec(-1)",
                "    for i in range(" + STEPS + "):",
                "        opt.step()",
                "        if isinstance(sched, ReduceLROnPlateau):",
                "            sched.step(M[i])",
                "        else:",
                "            sched.step()",
                "        rec(i)",
                ""));
        for (Case c : cases()) {
            s.append("run('").append(c.id()).append("', lambda p1, p2: ").append(c.torchOpt())
                    .append(", lambda opt: ").append(c.torchSched()).append(", '").append(c.momentum()).append("')\n");
        }
        return s.toString();
    }

    static Map<String, List<double[]>> torch;

    @BeforeAll
    static void runTorch() {
        if (!RealTorch.isAvailable()) {
            return;
        }
        torch = new HashMap<>();
        for (String line : RealTorch.run(script()).split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3) {
                torch.computeIfAbsent(parts[0], k -> new ArrayList<>())
                        .add(Arrays.stream(parts[2].split(" ")).mapToDouble(Double::parseDouble).toArray());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorchStepByStep() {
        RealTorch.assumeAvailable();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(Case c) {
        List<double[]> expected = torch.get(c.id());
        List<double[]> actual = runJava(c);
        assertThat(expected).as("torch output for %s", c.id()).hasSize(STEPS + 1);
        for (int s = 0; s <= STEPS; s++) {
            double[] e = expected.get(s);
            double[] a = actual.get(s);
            assertThat(a).as("%s: values after step %d", c.id(), s - 1).hasSameSizeAs(e);
            for (int i = 0; i < e.length; i++) {
                assertThat(Math.abs(a[i] - e[i])).as("%s step %d value %d: engine %s vs torch %s", c.id(), s - 1, i,
                        a[i], e[i]).isLessThanOrEqualTo(1e-12 * Math.abs(e[i]) + 1e-15);
            }
        }
        // The schedule must actually change something over the 30 steps.
        assertThat(actual.get(STEPS)).as("%s changed the lr", c.id()).isNotEqualTo(actual.get(0));
    }
}
