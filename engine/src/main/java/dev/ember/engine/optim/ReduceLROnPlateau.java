package dev.ember.engine.optim;

import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Multiplies the learning rates by {@code factor} when a metric has stopped improving for more
 * than {@code patience} epochs; mirrors {@code torch.optim.lr_scheduler.ReduceLROnPlateau}.
 *
 * <pre>{@code
 * var plateau = new ReduceLROnPlateau(opt, ReduceLROnPlateau.options().mode("max").patience(2));
 * for (...) { train(); plateau.step(validationAccuracy); }
 * }</pre>
 * Improvement: in {@code min} mode a value below {@code best * (1 - threshold)} ({@code rel}) or
 * {@code best - threshold} ({@code abs}); {@code max} mode mirrors it. After a reduction,
 * {@code cooldown} epochs pass before bad epochs count again. A group's lr never goes below its
 * {@code minLr}, and a reduction smaller than {@code eps} is skipped.
 */
public final class ReduceLROnPlateau implements Scheduler {
    private final Optimizer optimizer;
    private String mode;
    private double factor;
    private int patience;
    private double threshold;
    private String thresholdMode;
    private int cooldown;
    private List<Double> minLrs;
    private double eps;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private List<Double> lastLr;

    /** The keyword options of PyTorch's constructor, with its defaults. */
    public static final class Options {
        private String mode = "min";
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private String thresholdMode = "rel";
        private int cooldown;
        private double[] minLr = {0};
        private double eps = 1e-8;

        /** {@code "min"} (default: the metric should fall, e.g. a loss) or {@code "max"} (e.g. accuracy). */
        public Options mode(String mode) {
            this.mode = mode;
            return this;
        }

        /** new lr = lr * factor, factor &lt; 1 (default 0.1). */
        public Options factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** Epochs without improvement tolerated before reducing (default 10). */
        public Options patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** What counts as an improvement (default 1e-4). */
        public Options threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** {@code "rel"} (default) or {@code "abs"}. */
        public Options thresholdMode(String thresholdMode) {
            this.thresholdMode = thresholdMode;
            return this;
        }

        /** Epochs to wait after a reduction before counting bad epochs again (default 0). */
        public Options cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** Lower bound of the lr: one value, or one per param group (default 0). */
        public Options minLr(double... minLr) {
            this.minLr = minLr.clone();
            return this;
        }

        /** Reductions smaller than this are skipped (default 1e-8). */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }
    }

    /** Fresh options with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    /** With PyTorch's defaults (mode min, factor 0.1, patience 10). */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, options());
    }

    public ReduceLROnPlateau(Optimizer optimizer, Options o) {
        this.optimizer = Objects.requireNonNull(optimizer, "ReduceLROnPlateau: optimizer is null");
        if (!(o.factor < 1.0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: Factor should be < 1.0, got factor=" + o.factor);
        }
        if (o.patience < 0 || o.cooldown < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: patience and cooldown must be >= 0, got patience="
                    + o.patience + ", cooldown=" + o.cooldown);
        }
        int groups = optimizer.paramGroups().size();
        if (o.minLr.length != 1 && o.minLr.length != groups) {
            throw new IllegalArgumentException("ReduceLROnPlateau: expected " + groups + " min_lrs, got "
                    + o.minLr.length);
        }
        List<Double> mins = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            mins.add(o.minLr.length == 1 ? o.minLr[0] : o.minLr[i]);
        }
        this.minLrs = List.copyOf(mins);
        checkModes(o.mode, o.thresholdMode);
        this.mode = o.mode;
        this.thresholdMode = o.thresholdMode;
        this.factor = o.factor;
        this.patience = o.patience;
        this.threshold = o.threshold;
        this.cooldown = o.cooldown;
        this.eps = o.eps;
        this.lastEpoch = 0;
        this.lastLr = LRScheduler.currentLrs(optimizer);
        reset();
    }

    private static void checkModes(String mode, String thresholdMode) {
        if (!"min".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: mode " + mode + " is unknown! (use \"min\" or "
                    + "\"max\")");
        }
        if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: threshold mode " + thresholdMode
                    + " is unknown! (use \"rel\" or \"abs\")");
        }
    }

    private double modeWorse() {
        return mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private void reset() {
        best = modeWorse();
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    /** Records this epoch's {@code metrics} and reduces the lr if it has plateaued; mirrors {@code step(metrics)}. */
    public void step(double metrics) {
        lastEpoch++;
        if (isBetter(metrics, best)) {
            best = metrics;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = LRScheduler.currentLrs(optimizer);
    }

    /** {@link #step(double)} with a one-element tensor (e.g. a loss). */
    public void step(Tensor metrics) {
        step(metrics.item());
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double old = groups.get(i).lr();
            double lr = Math.max(old * factor, minLrs.get(i));
            if (old - lr > eps) {
                groups.get(i).setScheduled("lr", lr);
            }
        }
    }

    private boolean isBetter(double a, double best) {
        if (mode.equals("min")) {
            return thresholdMode.equals("rel") ? a < best * (1. - threshold) : a < best - threshold;
        }
        return thresholdMode.equals("rel") ? a > best * (threshold + 1.) : a > best + threshold;
    }

    /** The best metric seen so far (infinity before the first step in min mode). */
    public double best() {
        return best;
    }

    /** Consecutive epochs without improvement; mirrors {@code num_bad_epochs}. */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The learning rates after the last step (the current ones before any step). */
    @Override
    public List<Double> getLastLr() {
        return lastLr;
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "ReduceLROnPlateau");
        out.put("factor", factor);
        out.put("min_lrs", minLrs);
        out.put("patience", patience);
        out.put("cooldown", cooldown);
        out.put("cooldown_counter", cooldownCounter);
        out.put("mode", mode);
        out.put("threshold", threshold);
        out.put("threshold_mode", thresholdMode);
        out.put("best", best);
        out.put("num_bad_epochs", numBadEpochs);
        out.put("mode_worse", modeWorse());
        out.put("eps", eps);
        out.put("last_epoch", lastEpoch);
        out.put("_last_lr", lastLr);
        return out;
    }

    @Override
    public void loadStateDict(Map<String, ?> s) {
        LRScheduler.checkType("ReduceLROnPlateau", s);
        String m = String.valueOf(LRScheduler.require(s, "mode"));
        String tm = String.valueOf(LRScheduler.require(s, "threshold_mode"));
        checkModes(m, tm);
        List<Double> mins = LRScheduler.doubles(s, "min_lrs");
        if (mins.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("ReduceLROnPlateau.loadStateDict: the state has " + mins.size()
                    + " min_lrs but the optimizer has " + optimizer.paramGroups().size() + " param groups");
        }
        double f = LRScheduler.number(s, "factor");
        int p = LRScheduler.integer(s, "patience");
        int c = LRScheduler.integer(s, "cooldown");
        int cc = LRScheduler.integer(s, "cooldown_counter");
        double th = LRScheduler.number(s, "threshold");
        double b = LRScheduler.number(s, "best");
        int bad = LRScheduler.integer(s, "num_bad_epochs");
        double e = LRScheduler.number(s, "eps");
        int epoch = LRScheduler.integer(s, "last_epoch");
        List<Double> last = s.containsKey("_last_lr") ? LRScheduler.doubles(s, "_last_lr")
                : LRScheduler.currentLrs(optimizer);
        mode = m;
        thresholdMode = tm;
        minLrs = mins;
        factor = f;
        patience = p;
        cooldown = c;
        cooldownCounter = cc;
        threshold = th;
        best = b;
        numBadEpochs = bad;
        eps = e;
        lastEpoch = epoch;
        lastLr = last;
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + mode + ", factor=" + factor + ", patience=" + patience + ", min_lrs="
                + Arrays.toString(minLrs.toArray()) + ")";
    }
}
