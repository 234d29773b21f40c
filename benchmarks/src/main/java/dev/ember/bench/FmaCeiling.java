package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's measured fp32 FMA ceiling, the yardstick beside W2: a peak-FLOP microkernel on
 * {@code THREADS} threads, each running 12 independent chains of register-resident
 * {@code FloatVector.fma} (the JIT emits {@code vfmadd} on the widest vectors the CPU has, AVX-512
 * here). Twelve chains cover the FMA latency on two FMA pipes. Best of several runs, in GFLOP/s.
 * Runs in its own child JVM ({@code --add-modules jdk.incubator.vector}).
 */
public final class FmaCeiling {
    static final String PREFIX = "@@ember-bench-fma\t";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int THREADS = 2;
    private static final long ITERS = 20_000_000L;

    private FmaCeiling() {
    }

    public static void main(String[] args) throws Exception {
        kernel(ITERS / 100); // warm the JIT
        double best = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int run = 0; run < 7; run++) {
                List<Callable<Float>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    tasks.add(() -> kernel(ITERS));
                }
                long t0 = System.nanoTime();
                float sink = 0;
                for (Future<Float> f : pool.invokeAll(tasks)) {
                    sink += f.get();
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double flops = (double) THREADS * ITERS * 12 * S.length() * 2;
                best = Math.max(best, flops / s / 1e9);
                if (sink == 42.4242f) {
                    System.err.println("unlikely");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println(PREFIX + String.format(Locale.ROOT, "%.1f", best) + "\t" + String.format(Locale.ROOT,
                "measured: %d threads x 12 chains of FloatVector.fma, %d-bit vectors (%d fp32 lanes), best of 7",
                THREADS, S.vectorBitSize(), S.length()));
        System.exit(0);
    }

    private static float kernel(long iters) {
        FloatVector a = FloatVector.broadcast(S, 0.999f);
        FloatVector b = FloatVector.broadcast(S, 1e-7f);
        FloatVector c0 = FloatVector.broadcast(S, 1f);
        FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iters; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
