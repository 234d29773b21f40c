package dev.ember.engine.internal;

import dev.ember.engine.Generator;

/**
 * A per-thread replacement for the default generator, set by {@code DataLoader} on its worker
 * threads: in PyTorch each worker process has its own default generator seeded with
 * {@code base_seed + worker_id}; here workers are threads, so without this their random draws
 * ({@code Tensor.randn()} in a dataset or transform) would interleave with the main thread's on
 * one shared generator and runs would not repeat.
 */
public final class ThreadGenerators {
    private static final ThreadLocal<Generator> CURRENT = new ThreadLocal<>();

    private ThreadGenerators() {
    }

    /** This thread's generator, or {@code null} when the thread uses the process-wide default. */
    public static Generator current() {
        return CURRENT.get();
    }

    /** Makes {@code g} this thread's default generator; {@code null} returns it to the process-wide one. */
    public static void set(Generator g) {
        if (g == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(g);
        }
    }
}
