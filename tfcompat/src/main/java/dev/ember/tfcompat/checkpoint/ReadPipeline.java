package dev.ember.tfcompat.checkpoint;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Runs one task per item on up to {@code threads} threads, ahead of a consumer that takes the results
 * strictly in item order ({@link #next}). At most {@code 2 * threads} items, and at most
 * {@link #BUDGET_BYTES} of them by their declared size (always at least one), are started and not yet
 * taken, so memory stays bounded whatever the number of items. A task's exception is handed over with its
 * result, in order: the consumer sees the same first error as a sequential loop would, and an item it
 * decides to skip ({@link #next} without {@link Result#get}) never fails the run. With one thread each
 * task runs on the consumer's thread, in {@link Result#get} (a skipped item is not read at all). {@link #close} waits for started tasks (never interrupts
 * them: an interrupt closes a {@code FileChannel} for every reader).
 *
 * @param <T> the items
 * @param <R> a task's result
 */
final class ReadPipeline<T, R> implements AutoCloseable {

    /** Most bytes (by the items' declared sizes) started ahead of the consumer. */
    static final long BUDGET_BYTES = 256L << 20;

    /** A task's outcome: its value, or the exception it threw (with one thread: the task, run by {@link #get}). */
    static final class Result<R> {
        private final R value;
        private final Throwable failure;
        private final Supplier<R> deferred;

        private Result(R value, Throwable failure, Supplier<R> deferred) {
            this.value = value;
            this.failure = failure;
            this.deferred = deferred;
        }

        /** The value, or the task's exception rethrown as it was. */
        R get() {
            if (deferred != null) {
                return deferred.get();
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final List<T> items;
    private final ToLongFunction<T> bytes;
    private final BiFunction<T, TfCheckpoint.Scratch, R> task;
    private final ExecutorService pool;
    private final int maxAhead;
    private final TfCheckpoint.Scratch scratch = new TfCheckpoint.Scratch();
    private final ArrayDeque<Future<Result<R>>> started = new ArrayDeque<>();
    private final ArrayDeque<Long> startedBytes = new ArrayDeque<>();
    private long aheadBytes;
    private int submitted;
    private int taken;

    ReadPipeline(List<T> items, int threads, ToLongFunction<T> bytes, BiFunction<T, TfCheckpoint.Scratch, R> task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.items = List.copyOf(items);
        this.bytes = bytes;
        this.task = task;
        this.maxAhead = 2 * threads;
        if (threads == 1 || this.items.size() <= 1) {
            this.pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(Math.min(threads, this.items.size()), r -> {
                Thread t = new Thread(r, "ember-checkpoint-read-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** The arrays the tasks share (a task's result may hold one; the consumer gives it back when done). */
    TfCheckpoint.Scratch scratch() {
        return scratch;
    }

    /** The result for {@code item}, which must be the next item in order. */
    Result<R> next(T item) {
        if (taken >= items.size() || items.get(taken) != item) {
            throw new IllegalStateException("results are taken in item order: expected item " + taken + " of "
                    + items.size());
        }
        taken++;
        if (pool == null) {
            return new Result<>(null, null, () -> task.apply(item, scratch));
        }
        fill();
        Future<Result<R>> f = started.poll();
        aheadBytes -= startedBytes.poll();
        Result<R> r = await(f);
        fill();
        return r;
    }

    private Result<R> run(T item) {
        try {
            return new Result<>(task.apply(item, scratch), null, null);
        } catch (RuntimeException | Error x) {
            return new Result<>(null, x, null);
        }
    }

    /** Starts items while the window has room (the next one to take is always started). */
    private void fill() {
        while (submitted < items.size() && (started.isEmpty()
                || started.size() < maxAhead && aheadBytes + Math.max(0, bytes.applyAsLong(items.get(submitted)))
                <= BUDGET_BYTES)) {
            T item = items.get(submitted++);
            long b = Math.max(0, bytes.applyAsLong(item));
            started.add(pool.submit(() -> run(item)));
            startedBytes.add(b);
            aheadBytes += b;
        }
    }

    private static <R> Result<R> await(Future<Result<R>> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException x) {
                    interrupted = true;   // finish the read in hand; the flag is restored below
                } catch (ExecutionException | CancellationException x) {
                    return new Result<>(null, x instanceof ExecutionException ? x.getCause() : x, null);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Drops the results not taken and waits until no task runs. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        for (Future<Result<R>> f : started) {
            f.cancel(false);
        }
        started.clear();
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException x) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
