package dev.ember.bench;

/**
 * Runs a step untimed at least {@code warmup} times and until {@link #WARMUP_SECONDS} have passed (at most
 * {@link #MAX_WARMUP} times), then {@code iters} times timed. The time floor is what lets the JIT compile
 * the Java side of every backend (the engine's autograd and ops, the TF-Java/JavaCPP glue): with 5 calls
 * only, a W3 step measured ~9 ms interpreted against ~0.6 ms compiled.
 */
public final class Timer {
    /** Least untimed time per workload, seconds ({@code -Dember.bench.warmupSeconds}, default 2). */
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("ember.bench.warmupSeconds", "2"));
    /** Most untimed calls the time floor may add. */
    static final int MAX_WARMUP = 2000;
    /** Checks kept: the values returned by the first this many calls (warm-up included). */
    static final int CHECKS = 2;

    private Timer() {
    }

    /** One iteration; returns a value to check across backends (a loss), or NaN. */
    @FunctionalInterface
    public interface Step {
        double run() throws Exception;
    }

    /** Times {@code step}; each iteration counts as {@code opsPerIteration} ops (seconds are per op). */
    public static Measurement time(Settings s, int opsPerIteration, Step step) throws Exception {
        return time(s, opsPerIteration, step, WARMUP_SECONDS);
    }

    static Measurement time(Settings s, int opsPerIteration, Step step, double warmupSeconds) throws Exception {
        double[] checks = new double[CHECKS];
        int calls = 0;
        long start = System.nanoTime();
        for (int i = 0; i < s.warmup() || (i < MAX_WARMUP && (System.nanoTime() - start) / 1e9 < warmupSeconds);
                i++, calls++) {
            double v = step.run();
            if (calls < CHECKS) {
                checks[calls] = v;
            }
        }
        double[] seconds = new double[s.iters()];
        for (int i = 0; i < s.iters(); i++, calls++) {
            long t0 = System.nanoTime();
            double v = step.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9 / opsPerIteration;
            if (calls < CHECKS) {
                checks[calls] = v;
            }
        }
        int kept = Math.min(CHECKS, calls);
        double[] c = java.util.Arrays.copyOf(checks, kept);
        return new Measurement(seconds, allNaN(c) ? new double[0] : c, "");
    }

    /** Times {@code step} as one op per iteration. */
    public static Measurement time(Settings s, Step step) throws Exception {
        return time(s, 1, step);
    }

    private static boolean allNaN(double[] c) {
        for (double v : c) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
