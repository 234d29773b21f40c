package dev.ember.bench;

import java.util.List;
import java.util.Locale;

/**
 * The no-memory-growth target over 10,000 W3 steps: heap (after GC), ND4J's off-heap bytes and RSS at
 * the last checkpoint may exceed the first checkpoint (taken after 1,000 steps, so warm-up and the
 * JIT are done) by at most {@link #ALLOWED_GROWTH_MB}, which absorbs allocator noise but not a leak of
 * even a few kB per step (10 kB x 9,000 steps = 88 MB).
 */
public final class MemoryCheck {
    public static final double ALLOWED_GROWTH_MB = 48;

    private MemoryCheck() {
    }

    public static String verdict(List<MemoryTrace> trace) {
        if (trace.size() < 2) {
            return "MISS: fewer than two checkpoints";
        }
        MemoryTrace first = trace.get(0);
        MemoryTrace last = trace.get(trace.size() - 1);
        double heap = last.heapMb() - first.heapMb();
        double nd4j = last.nd4jMb() - first.nd4jMb();
        double rss = last.rssMb() - first.rssMb();
        boolean ok = heap <= ALLOWED_GROWTH_MB && nd4j <= ALLOWED_GROWTH_MB && rss <= ALLOWED_GROWTH_MB;
        return String.format(Locale.ROOT, "%s: growth from step %d to %d: heap %+.1f MB, nd4j %+.1f MB, RSS %+.1f MB "
                + "(allowed %.0f MB each)", ok ? "PASS" : "MISS", first.step(), last.step(), heap, nd4j, rss,
                ALLOWED_GROWTH_MB);
    }
}
