package dev.ember.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects every {@link ParityResult} that {@link Parity#run()} produces, in any thread, while it is
 * open: how code running parity tests it did not write (the tests {@code ember migrate
 * --emit-parity-tests} generates) gets their comparison tables.
 * <pre>{@code
 * try (ParityRecorder rec = ParityRecorder.start()) {
 *     generatedTest.run();
 *     new ParityReport("migration").add(rec.results().get(0));
 * }
 * }</pre>
 */
public final class ParityRecorder implements AutoCloseable {
    private static final List<ParityRecorder> OPEN = new CopyOnWriteArrayList<>();
    private final List<ParityResult> results = new ArrayList<>();

    private ParityRecorder() {
    }

    /** A recorder collecting from now until {@link #close()}. */
    public static ParityRecorder start() {
        ParityRecorder r = new ParityRecorder();
        OPEN.add(r);
        return r;
    }

    /** The results recorded so far, in the order the cases finished. */
    public synchronized List<ParityResult> results() {
        return List.copyOf(results);
    }

    static void publish(ParityResult result) {
        for (ParityRecorder r : OPEN) {
            synchronized (r) {
                r.results.add(result);
            }
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
    }
}
