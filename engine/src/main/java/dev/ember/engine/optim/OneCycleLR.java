package dev.ember.engine.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 1cycle policy: the learning rate rises from {@code maxLr / divFactor} to {@code maxLr},
 * then anneals to {@code initialLr / finalDivFactor}, while momentum (SGD's {@code momentum} or
 * Adam's beta1) cycles the opposite way; mirrors {@code torch.optim.lr_scheduler.OneCycleLR}.
 * Step it after every batch.
 *
 * <pre>{@code
 * var sched = new OneCycleLR(opt, 0.1, OneCycleLR.options().epochs(10).stepsPerEpoch(len)
 *         .annealStrategy("linear").threePhase(true));
 * }</pre>
 * As in PyTorch it writes {@code initial_lr}, {@code max_lr}, {@code min_lr} and, when cycling
 * momentum, {@code max_momentum} and {@code base_momentum} into each param group.
 */
public final class OneCycleLR extends LRScheduler {
    private int totalSteps;
    private List<Phase> phases;
    private String annealStrategy;
    private boolean cycleMomentum;
    private boolean useBeta1;

    /** One phase of the schedule: PyTorch's {@code _schedule_phases} entries. */
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("end_step", endStep);
            m.put("start_lr", startLr);
            m.put("end_lr", endLr);
            m.put("start_momentum", startMomentum);
            m.put("end_momentum", endMomentum);
            return m;
        }
    }

    /** The keyword options of PyTorch's constructor, with its defaults. */
    public static final class Options {
        private Integer totalSteps;
        private Integer epochs;
        private Integer stepsPerEpoch;
        private double pctStart = 0.3;
        private String annealStrategy = "cos";
        private boolean cycleMomentum = true;
        private double[] baseMomentum = {0.85};
        private double[] maxMomentum = {0.95};
        private double divFactor = 25;
        private double finalDivFactor = 1e4;
        private boolean threePhase;

        /** Total number of steps of the cycle (takes precedence over epochs * stepsPerEpoch). */
        public Options totalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        /** Number of epochs; with {@link #stepsPerEpoch} gives the total when totalSteps is not set. */
        public Options epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Steps (batches) per epoch. */
        public Options stepsPerEpoch(int stepsPerEpoch) {
            this.stepsPerEpoch = stepsPerEpoch;
            return this;
        }

        /** Fraction of the cycle spent raising the lr (default 0.3). */
        public Options pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /** {@code "cos"} (default) or {@code "linear"}. */
        public Options annealStrategy(String annealStrategy) {
            this.annealStrategy = annealStrategy;
            return this;
        }

        /** Cycle momentum inversely to the lr (default true). */
        public Options cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /** Momentum at the lr peak: one value, or one per param group (default 0.85). */
        public Options baseMomentum(double... baseMomentum) {
            this.baseMomentum = baseMomentum.clone();
            return this;
        }

        /** Momentum at the start and end: one value, or one per param group (default 0.95). */
        public Options maxMomentum(double... maxMomentum) {
            this.maxMomentum = maxMomentum.clone();
            return this;
        }

        /** initial lr = maxLr / divFactor (default 25). */
        public Options divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        /** min lr = initial lr / finalDivFactor (default 1e4). */
        public Options finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /** Use three phases (up, symmetric down, annihilate) as in the original paper (default false). */
        public Options threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }
    }

    /** Fresh options with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** A cycle of {@code totalSteps} steps peaking at {@code maxLr}, other options at PyTorch's defaults. */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, new double[] {maxLr}, options().totalSteps(totalSteps));
    }

    /** A cycle peaking at {@code maxLr} for every group. */
    public OneCycleLR(Optimizer optimizer, double maxLr, Options options) {
        this(optimizer, new double[] {maxLr}, options);
    }

    /** A cycle peaking at {@code maxLrs} (one value, or one per group). */
    public OneCycleLR(Optimizer optimizer, double[] maxLrs, Options o) {
        super(optimizer);
        this.totalSteps = totalSteps(o);
        if (!(o.pctStart >= 0 && o.pctStart <= 1)) {
            throw new IllegalArgumentException("OneCycleLR: Expected float between 0 and 1 pct_start, but got "
                    + o.pctStart);
        }
        if (!o.annealStrategy.equals("cos") && !o.annealStrategy.equals("linear")) {
            throw new IllegalArgumentException("OneCycleLR: anneal_strategy must be one of 'cos' or 'linear', "
                    + "instead got '" + o.annealStrategy + "'");
        }
        this.annealStrategy = o.annealStrategy;
        this.phases = phases(o.threePhase, o.pctStart, totalSteps);
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] maxLr = perGroup("max_lr", maxLrs, groups.size());
        this.cycleMomentum = o.cycleMomentum;
        double[] maxMomentum = perGroup("max_momentum", o.maxMomentum, groups.size());
        double[] baseMomentum = perGroup("base_momentum", o.baseMomentum, groups.size());
        if (cycleMomentum && !optimizer.defaults().containsKey("momentum")
                && !optimizer.defaults().containsKey("betas")) {
            throw new IllegalArgumentException("OneCycleLR: optimizer must support momentum with `cycle_momentum` "
                    + "option enabled (" + optimizer.name() + " has neither momentum nor betas); use "
                    + "cycleMomentum(false)");
        }
        this.useBeta1 = optimizer.defaults().containsKey("betas");
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            g.setScheduled("initial_lr", maxLr[i] / o.divFactor);
            g.setScheduled("max_lr", maxLr[i]);
            g.setScheduled("min_lr", g.getDouble("initial_lr") / o.finalDivFactor);
            if (cycleMomentum) {
                setMomentum(g, maxMomentum[i]);
                g.setScheduled("max_momentum", maxMomentum[i]);
                g.setScheduled("base_momentum", baseMomentum[i]);
            }
        }
        this.baseLrs = List.copyOf(groups.stream().map(g -> g.getDouble("initial_lr")).toList());
        initialStep();
    }

    private static int totalSteps(Options o) {
        if (o.totalSteps != null) {
            if (o.totalSteps <= 0) {
                throw new IllegalArgumentException("OneCycleLR: Expected positive integer total_steps, but got "
                        + o.totalSteps);
            }
            return o.totalSteps;
        }
        if (o.epochs == null || o.stepsPerEpoch == null) {
            throw new IllegalArgumentException("OneCycleLR: You must define either total_steps OR (epochs AND "
                    + "steps_per_epoch)");
        }
        if (o.epochs <= 0) {
            throw new IllegalArgumentException("OneCycleLR: Expected positive integer epochs, but got " + o.epochs);
        }
        if (o.stepsPerEpoch <= 0) {
            throw new IllegalArgumentException("OneCycleLR: Expected positive integer steps_per_epoch, but got "
                    + o.stepsPerEpoch);
        }
        return o.epochs * o.stepsPerEpoch;
    }

    private static List<Phase> phases(boolean threePhase, double pctStart, int total) {
        if (threePhase) {
            return List.of(
                    new Phase(pctStart * total - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                    new Phase(2 * pctStart * total - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                    new Phase(total - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        }
        return List.of(
                new Phase(pctStart * total - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                new Phase(total - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
    }

    private static double[] perGroup(String name, double[] values, int groups) {
        if (values.length == 1) {
            double[] out = new double[groups];
            Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != groups) {
            throw new IllegalArgumentException("OneCycleLR: expected " + groups + " values for " + name + ", got "
                    + values.length);
        }
        return values.clone();
    }

    private void setMomentum(ParamGroup g, double momentum) {
        if (useBeta1) {
            double[] betas = g.getDoubles("betas");
            g.setScheduled("betas", List.of(momentum, betas[1]));
        } else {
            g.setScheduled("momentum", momentum);
        }
    }

    private double anneal(double start, double end, double pct) {
        if (annealStrategy.equals("cos")) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected List<Double> computeLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalStateException("OneCycleLR: Tried to step " + (stepNum + 1)
                    + " times. The specified number of total steps is " + totalSteps);
        }
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup g : optimizer.paramGroups()) {
            double startStep = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                double endStep = phase.endStep();
                if (stepNum <= endStep || i == phases.size() - 1) {
                    double pct = (stepNum - startStep) / (endStep - startStep);
                    lrs.add(anneal(g.getDouble(phase.startLr()), g.getDouble(phase.endLr()), pct));
                    if (cycleMomentum) {
                        setMomentum(g, anneal(g.getDouble(phase.startMomentum()), g.getDouble(phase.endMomentum()),
                                pct));
                    }
                    break;
                }
                startStep = endStep;
            }
        }
        return lrs;
    }

    @Override
    protected void saveState(Map<String, Object> out) {
        out.put("total_steps", totalSteps);
        out.put("_schedule_phases", phases.stream().map(Phase::toMap).toList());
        out.put("anneal_strategy", annealStrategy);
        out.put("cycle_momentum", cycleMomentum);
        out.put("use_beta1", useBeta1);
    }

    @Override
    protected void loadState(Map<String, ?> in) {
        int total = integer(in, "total_steps");
        Object rawPhases = require(in, "_schedule_phases");
        List<Phase> ph = new ArrayList<>();
        if (!(rawPhases instanceof List<?> list)) {
            throw new IllegalArgumentException("OneCycleLR.loadStateDict: \"_schedule_phases\" must be a list");
        }
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            ph.add(new Phase(((Number) m.get("end_step")).doubleValue(), (String) m.get("start_lr"),
                    (String) m.get("end_lr"), (String) m.get("start_momentum"), (String) m.get("end_momentum")));
        }
        String anneal = String.valueOf(require(in, "anneal_strategy"));
        totalSteps = total;
        phases = List.copyOf(ph);
        annealStrategy = anneal;
        cycleMomentum = (Boolean) require(in, "cycle_momentum");
        useBeta1 = (Boolean) require(in, "use_beta1");
    }
}
