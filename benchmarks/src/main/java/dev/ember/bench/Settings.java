package dev.ember.bench;

/** How long each workload runs: {@code warmup} untimed iterations, then {@code iters} timed ones. */
public record Settings(int warmup, int iters) {
    /** The minimum of timed iterations for a final run. */
    public static final int DEFAULT_ITERS = 20;
    public static final int DEFAULT_WARMUP = 5;

    public Settings {
        if (iters < 1) {
            throw new IllegalArgumentException("iters must be >= 1, got " + iters);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
    }
}
