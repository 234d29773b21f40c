package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm-up's call count and time floor, and which calls' values become check values. */
class TimerTest {
    @Test
    void warmUpRunsUntilBothTheCountAndTheTimeFloorAreReachedThenTimesIters() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        long t0 = System.nanoTime();
        Measurement m = Timer.time(new Settings(1, 3), 1, () -> {
            Thread.sleep(10);
            return calls.incrementAndGet();
        }, 0.2);
        // untimed calls of >= 10 ms fill the 0.2 s floor (at most 21 of them), then 3 timed ones
        assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(0.2);
        assertThat(calls.get()).isBetween(3 + 2, 3 + 21);
        assertThat(m.seconds()).hasSize(3);
        assertThat(m.checks()).containsExactly(1.0, 2.0);   // the first two calls, warm-up included
    }

    @Test
    void theCountAloneWhenTheFloorIsZeroAndTheCapBoundsAFastStep() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Timer.time(new Settings(4, 2), 1, () -> calls.incrementAndGet(), 0);
        assertThat(calls.get()).isEqualTo(6);
        calls.set(0);
        Timer.time(new Settings(1, 1), 1, () -> calls.incrementAndGet(), 3600);
        assertThat(calls.get()).isEqualTo(Timer.MAX_WARMUP + 1);
    }
}
