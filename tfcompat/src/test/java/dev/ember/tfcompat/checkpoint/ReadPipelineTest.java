package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadPipelineTest {

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void resultsComeInItemOrderWhateverTheFinishingOrder() {
        for (int threads : new int[] {1, 2, 4}) {
            List<Integer> items = items(40);
            List<Integer> got = new ArrayList<>();
            try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items, threads, i -> 1, (i, s) -> {
                sleep((i * 7) % 4);
                return i * 10;
            })) {
                for (Integer i : items) {
                    got.add(p.next(i).get());
                }
            }
            assertThat(got).as("%d threads", threads).isEqualTo(items.stream().map(i -> i * 10).toList());
        }
    }

    @Test
    void startsAtMostTwoPerThreadAndTheByteBudgetAhead() {
        AtomicInteger started = new AtomicInteger();
        int[] maxAhead = new int[1];
        List<Integer> items = items(30);
        // each item declares a third of the budget: at most 3 ahead (2 * 4 threads would allow 8)
        try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items, 4, i -> ReadPipeline.BUDGET_BYTES / 3,
                (i, s) -> {
                    started.incrementAndGet();
                    return i;
                })) {
            for (Integer i : items) {
                sleep(2);
                maxAhead[0] = Math.max(maxAhead[0], started.get() - i);
                assertThat(p.next(i).get()).isEqualTo(i);
            }
        }
        assertThat(maxAhead[0]).isBetween(1, 3);
        started.set(0);
        maxAhead[0] = 0;
        try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items, 2, i -> 1, (i, s) -> {
            started.incrementAndGet();
            return i;
        })) {
            for (Integer i : items) {
                sleep(2);
                maxAhead[0] = Math.max(maxAhead[0], started.get() - i);
                p.next(i).get();
            }
        }
        assertThat(maxAhead[0]).isBetween(1, 4);
        // an item larger than the whole budget is still read, alone
        try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items(3), 2, i -> 10 * ReadPipeline.BUDGET_BYTES,
                (i, s) -> i)) {
            assertThat(p.next(0).get()).isZero();
            assertThat(p.next(1).get()).isOne();
        }
    }

    @Test
    void errorsArriveWithTheirItemAndSkippedItemsNeverFail() {
        for (int threads : new int[] {1, 3}) {
            AtomicInteger ran = new AtomicInteger();
            CheckpointException seven = new CheckpointException("seven", null, "7");
            try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items(10), threads, i -> 1, (i, s) -> {
                ran.incrementAndGet();
                if (i == 5) {
                    throw new IllegalArgumentException("five");
                }
                if (i == 7) {
                    throw seven;
                }
                return i;
            })) {
                for (int i = 0; i < 5; i++) {
                    assertThat(p.next(i).get()).isEqualTo(i);
                }
                p.next(5);          // skipped: its failure is dropped
                assertThat(p.next(6).get()).isEqualTo(6);
                ReadPipeline.Result<Integer> r7 = p.next(7);
                assertThatThrownBy(r7::get).isSameAs(seven);
                assertThatThrownBy(() -> p.next(9)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("expected item 8 of 10");
            }
            if (threads == 1) {
                assertThat(ran.get()).as("one thread: skipped items are not run").isEqualTo(7);
            }
        }
    }

    @Test
    void closeWaitsForStartedTasksWithoutInterruptingThem() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items(20), 3, i -> 1, (i, s) -> {
            running.incrementAndGet();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            } finally {
                running.decrementAndGet();
            }
            return i;
        })) {
            p.next(0).get();
        }
        assertThat(running.get()).isZero();
        assertThat(interrupted.get()).isZero();
    }

    @Test
    void theThreadsShareOneScratchThatLendsArraysBack() {
        List<TfCheckpoint.Scratch> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> threadsSeen = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ReadPipeline<Integer, Integer> p = new ReadPipeline<>(items(40), 2, i -> 1, (i, s) -> {
            seen.add(s);
            threadsSeen.add(Thread.currentThread().getName());
            sleep(1);
            return i;
        })) {
            for (int i = 0; i < 40; i++) {
                p.next(i).get();
            }
            assertThat(seen).allMatch(s -> s == p.scratch());
        }
        assertThat(threadsSeen).allMatch(n -> n.startsWith("ember-checkpoint-read-"));

        TfCheckpoint.Scratch s = new TfCheckpoint.Scratch();
        byte[] big = s.take(100);
        byte[] small = s.take(10);
        assertThat(big).hasSize(100);
        assertThat(small).hasSize(10);
        s.give(big);
        s.give(small);
        assertThat(s.take(8)).isSameAs(small);          // the smallest that fits
        assertThat(s.take(50)).isSameAs(big);
        assertThat(s.take(50)).isNotSameAs(big).hasSize(50);
        TfCheckpoint.Scratch limited = new TfCheckpoint.Scratch(100, 250, 4);
        limited.give(new byte[101]);                     // larger than one kept array may be
        assertThat(limited.kept()).isZero();
        limited.give(new byte[100]);
        limited.give(new byte[100]);
        limited.give(new byte[100]);                     // would pass the 250 bytes kept in all
        assertThat(limited.kept()).isEqualTo(2);
        limited.give(new byte[50]);
        limited.give(new byte[1]);                       // 251 bytes in all
        assertThat(limited.kept()).isEqualTo(3);
        assertThat(limited.take(60)).hasSize(100);
        limited.give(new byte[10]);
        limited.give(new byte[10]);
        assertThat(limited.kept()).isEqualTo(4);
        limited.give(new byte[1]);                       // a fifth array
        assertThat(limited.kept()).isEqualTo(4);
        for (int i = 0; i < TfCheckpoint.Scratch.KEEP_ARRAYS + 5; i++) {
            s.give(new byte[4]);
        }
        assertThat(s.kept()).isEqualTo(TfCheckpoint.Scratch.KEEP_ARRAYS);
        s.give(null);
        assertThat(s.kept()).isEqualTo(TfCheckpoint.Scratch.KEEP_ARRAYS);
    }
}
