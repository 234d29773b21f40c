package dev.ember.engine.data;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.internal.ThreadGenerators;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Iterates a {@link Dataset} in batches; mirrors {@code torch.utils.data.DataLoader}.
 *
 * <pre>{@code
 * try (DataLoader<Tensor[]> loader = DataLoader.builder(trainSet)
 *         .batchSize(64).shuffle(true).generator(new Generator(0)).numWorkers(2).build()) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         for (Tensor[] batch : loader) {     // batch[0]: inputs [64, ...], batch[1]: targets [64]
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Each {@link #iterator()} call is one epoch: the sampler draws that epoch's order up front
 * (with {@code shuffle}, a new permutation from the generator each epoch, so the same seed gives
 * the same sequence of epochs), and a base seed for the workers is drawn after it.
 *
 * <p>With {@code numWorkers > 0}, background threads load and collate batches: batch {@code k}
 * is built by worker {@code k % numWorkers}, each worker runs at most {@code prefetchFactor}
 * batches ahead (a bounded queue), and batches arrive in order. Every worker is stopped and
 * joined when the epoch ends, when its iterator or this loader is closed (breaking out of a
 * for-each loop early needs that {@code close()}: use try-with-resources), when a worker fails,
 * or, as a last resort, when an abandoned iterator is garbage-collected. A worker's exception
 * reaches the consumer as a {@link WorkerException} with the original as its cause. Inside a
 * worker, {@link #workerInfo()} gives its id and a generator seeded with {@code baseSeed + id},
 * which is also the worker thread's {@link Ember#defaultGenerator()} (as each PyTorch worker
 * process has its own default generator): random transforms and any random op called without a
 * generator in a dataset draw from it, so augmentation is repeatable for a given seed and worker
 * count, and does not interleave with the consumer thread's draws.
 *
 * @param <B> the batch type ({@code Tensor[]} for {@code Tensor[]} samples with the default collate)
 */
public final class DataLoader<B> implements Iterable<B>, AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final ThreadLocal<WorkerInfo> WORKER = new ThreadLocal<>();

    private final Dataset<?> dataset;
    private final BatchSampler batchSampler;
    private final Function<List<Object>, B> collate;
    private final boolean defaultCollate;
    private final int numWorkers;
    private final int prefetchFactor;
    private final Generator generator;
    private final Set<Workers> running = ConcurrentHashMap.newKeySet();

    private DataLoader(Builder<?, B> b, Function<List<Object>, B> collate) {
        this.dataset = b.dataset;
        Sampler sampler = b.sampler != null ? b.sampler
                : b.shuffle ? new RandomSampler(b.dataset.size(), b.generator) : new SequentialSampler(b.dataset.size());
        this.batchSampler = new BatchSampler(sampler, b.batchSize, b.dropLast);
        this.collate = collate;
        this.defaultCollate = b.collate == null;
        this.numWorkers = b.numWorkers;
        this.prefetchFactor = b.prefetchFactor;
        this.generator = b.generator;
    }

    /** A builder with PyTorch's defaults: batch size 1, no shuffle, keep the last batch, no workers. */
    public static <T> Builder<T, T> builder(Dataset<T> dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset is null");
        }
        return new Builder<>(dataset);
    }

    /** Batches per epoch; mirrors {@code len(loader)}. */
    public int size() {
        return batchSampler.size();
    }

    /** The batch sampler; mirrors {@code loader.batch_sampler}. */
    public BatchSampler batchSampler() {
        return batchSampler;
    }

    /** The number of worker threads (0: batches are built on the consumer's thread). */
    public int numWorkers() {
        return numWorkers;
    }

    /** Starts one epoch (and its workers, if any). */
    @Override
    public Epoch<B> iterator() {
        List<int[]> batches = new ArrayList<>(batchSampler.size());
        batchSampler.iterator().forEachRemaining(batches::add);
        long baseSeed = (generator != null ? generator : Ember.defaultGenerator()).nextLong();
        return new Epoch<>(this, batches, baseSeed);
    }

    /** Stops and joins the workers of every epoch in progress; the loader can be iterated again. */
    @Override
    public void close() {
        for (Workers w : running) {
            w.shutdown();
        }
    }

    /**
     * The current worker thread's info, empty on any other thread; mirrors
     * {@code torch.utils.data.get_worker_info()}.
     */
    public static Optional<WorkerInfo> workerInfo() {
        return Optional.ofNullable(WORKER.get());
    }

    /**
     * The generator random transforms use when given none: the worker's own inside a
     * {@link DataLoader} worker, else the process-wide default. The same as
     * {@link Ember#defaultGenerator()}, which on a worker thread is the worker's generator.
     */
    public static Generator currentGenerator() {
        return Ember.defaultGenerator();
    }

    @SuppressWarnings("unchecked")
    private Object fetch(int[] indices) {
        if (defaultCollate) {
            // Fast path: rows of a TensorDataset (possibly through Subsets) are gathered directly.
            Dataset<?> d = dataset;
            int[] idx = indices;
            while (d instanceof Subset) {
                idx = ((Subset<?>) d).map(idx);
                d = ((Subset<?>) d).dataset();
            }
            if (d instanceof TensorDataset) {
                return ((TensorDataset) d).gather(idx);
            }
        }
        List<Object> samples = new ArrayList<>(indices.length);
        for (int i : indices) {
            samples.add(dataset.get(i));
        }
        return collate.apply(samples);
    }

    /**
     * What a worker thread knows about itself; mirrors the object {@code get_worker_info()}
     * returns. {@code generator} is seeded with {@code seed = baseSeed + id}.
     */
    public record WorkerInfo(int id, int numWorkers, long seed, Generator generator) {
    }

    /**
     * A worker failed to load or collate a batch; the cause is the original exception. PyTorch
     * re-raises a worker's exception in the main process the same way ("Caught X in DataLoader
     * worker process N").
     */
    public static final class WorkerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One epoch of batches, what {@code iter(loader)} returns in PyTorch
     * ({@code _MultiProcessingDataLoaderIter} with workers); closing it stops and joins its
     * workers (done automatically after the last batch or an error).
     */
    public static final class Epoch<B> implements Iterator<B>, AutoCloseable {
        private final DataLoader<B> loader;
        private final List<int[]> batches;
        private final Workers workers;
        private final Cleaner.Cleanable cleanable;
        private int next;
        private boolean closed;

        private Epoch(DataLoader<B> loader, List<int[]> batches, long baseSeed) {
            this.loader = loader;
            this.batches = batches;
            if (loader.numWorkers > 0 && !batches.isEmpty()) {
                this.workers = new Workers(loader, batches, baseSeed);
                loader.running.add(workers);
                this.cleanable = CLEANER.register(this, workers::shutdown);
                workers.start();
            } else {
                this.workers = null;
                this.cleanable = null;
            }
        }

        @Override
        public boolean hasNext() {
            return !closed && next < batches.size() && (workers == null || !workers.stopped);
        }

        @Override
        @SuppressWarnings("unchecked")
        public B next() {
            if (!hasNext()) {
                throw new NoSuchElementException("DataLoader: epoch exhausted or closed after " + next + " of "
                        + batches.size() + " batches");
            }
            int k = next++;
            Object batch;
            try {
                batch = workers == null ? loader.fetch(batches.get(k)) : workers.take(k);
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
            if (next == batches.size()) {
                close();
            }
            return (B) batch;
        }

        /** Stops and joins this epoch's workers; further {@link #hasNext()} calls return false. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (workers != null) {
                cleanable.clean(); // runs workers.shutdown() once
                loader.running.remove(workers);
            }
        }
    }

    /** The threads of one epoch and their queues; holds no reference to the {@link Epoch}. */
    private static final class Workers {
        private final DataLoader<?> loader;
        private final List<int[]> batches;
        private final long baseSeed;
        private final Thread[] threads;
        private final List<BlockingQueue<Object[]>> queues = new ArrayList<>();
        private volatile boolean stopped;

        Workers(DataLoader<?> loader, List<int[]> batches, long baseSeed) {
            this.loader = loader;
            this.batches = batches;
            this.baseSeed = baseSeed;
            int n = Math.min(loader.numWorkers, batches.size());
            this.threads = new Thread[n];
            for (int w = 0; w < n; w++) {
                queues.add(new ArrayBlockingQueue<>(loader.prefetchFactor));
                int id = w;
                threads[w] = new Thread(() -> run(id), "ember-dataloader-worker-" + w);
                threads[w].setDaemon(true);
            }
        }

        void start() {
            for (Thread t : threads) {
                t.start();
            }
        }

        private void run(int id) {
            int n = threads.length;
            WorkerInfo info = new WorkerInfo(id, n, baseSeed + id, new Generator(baseSeed + id));
            WORKER.set(info);
            ThreadGenerators.set(info.generator());
            try {
                for (int k = id; k < batches.size() && !stopped; k += n) {
                    Object[] slot;
                    try {
                        slot = new Object[] {loader.fetch(batches.get(k)), null};
                    } catch (Throwable t) {
                        slot = new Object[] {null, t};
                    }
                    queues.get(id).put(slot);
                    if (slot[1] != null) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // shutdown() interrupts a worker waiting for queue space: just exit.
            } finally {
                WORKER.remove();
                ThreadGenerators.set(null);
            }
        }

        Object take(int k) {
            int w = k % threads.length;
            Object[] slot;
            try {
                while ((slot = queues.get(w).poll(100, TimeUnit.MILLISECONDS)) == null) {
                    if (!threads[w].isAlive() && queues.get(w).isEmpty()) {
                        throw new WorkerException("DataLoader worker " + w + " ended without producing batch " + k
                                + (stopped ? " (the loader was closed)" : ""), null);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("DataLoader: interrupted while waiting for batch " + k, e);
            }
            if (slot[1] != null) {
                Throwable cause = (Throwable) slot[1];
                throw new WorkerException("DataLoader worker " + w + " failed on batch " + k + " (sample indices "
                        + indexList(batches.get(k)) + "): " + cause, cause);
            }
            return slot[0];
        }

        /** Stops every worker and waits for each to end; safe to call more than once, from any thread. */
        void shutdown() {
            stopped = true;
            for (Thread t : threads) {
                t.interrupt();
            }
            boolean interrupted = false;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    // A worker whose dataset swallowed the interrupt may wait for queue space: make some.
                    queues.forEach(BlockingQueue::clear);
                    try {
                        t.join(50);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            queues.forEach(BlockingQueue::clear);
            loader.running.remove(this);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private static String indexList(int[] idx) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Math.min(idx.length, 8); i++) {
                sb.append(i == 0 ? "" : ", ").append(idx[i]);
            }
            return sb.append(idx.length > 8 ? ", ...]" : "]").toString();
        }
    }

    /**
     * Options of a {@link DataLoader}, named as the arguments of PyTorch's
     * {@code DataLoader(dataset, batch_size, shuffle, sampler, num_workers, collate_fn, ...)}.
     *
     * @param <T> the sample type
     * @param <B> the batch type the collate function makes
     */
    public static final class Builder<T, B> {
        private final Dataset<T> dataset;
        private int batchSize = 1;
        private boolean shuffle;
        private boolean dropLast;
        private Generator generator;
        private Sampler sampler;
        private Function<? super List<T>, ? extends B> collate;
        private int numWorkers;
        private int prefetchFactor = 2;

        private Builder(Dataset<T> dataset) {
            this.dataset = dataset;
        }

        /** Samples per batch (default 1); mirrors {@code batch_size}. */
        public Builder<T, B> batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("DataLoader: batchSize should be a positive integer, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** A new random order every epoch (default false); mirrors {@code shuffle}. */
        public Builder<T, B> shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Drops the last batch when shorter than {@code batchSize} (default false); mirrors {@code drop_last}. */
        public Builder<T, B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** The generator for shuffling and worker seeds (default: the default generator); mirrors {@code generator}. */
        public Builder<T, B> generator(Generator generator) {
            this.generator = generator;
            return this;
        }

        /** A custom index order, exclusive with {@code shuffle}; mirrors {@code sampler}. */
        public Builder<T, B> sampler(Sampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /** Worker threads building batches in the background (default 0); mirrors {@code num_workers}. */
        public Builder<T, B> numWorkers(int numWorkers) {
            if (numWorkers < 0) {
                throw new IllegalArgumentException("DataLoader: numWorkers option should be non-negative, got " + numWorkers);
            }
            this.numWorkers = numWorkers;
            return this;
        }

        /** Batches each worker may have ready ahead of the consumer (default 2); mirrors {@code prefetch_factor}. */
        public Builder<T, B> prefetchFactor(int prefetchFactor) {
            if (prefetchFactor < 1) {
                throw new IllegalArgumentException("DataLoader: prefetchFactor should be >= 1, got " + prefetchFactor);
            }
            this.prefetchFactor = prefetchFactor;
            return this;
        }

        /** How a list of samples becomes a batch (default {@link Collate#defaultCollate}); mirrors {@code collate_fn}. */
        public <C> Builder<T, C> collate(Function<? super List<T>, ? extends C> collateFn) {
            if (collateFn == null) {
                throw new IllegalArgumentException("DataLoader: collate function is null");
            }
            Builder<T, C> b = new Builder<>(dataset);
            b.batchSize = batchSize;
            b.shuffle = shuffle;
            b.dropLast = dropLast;
            b.generator = generator;
            b.sampler = sampler;
            b.numWorkers = numWorkers;
            b.prefetchFactor = prefetchFactor;
            b.collate = collateFn;
            return b;
        }

        /** The loader. */
        @SuppressWarnings("unchecked")
        public DataLoader<B> build() {
            if (sampler != null && shuffle) {
                throw new IllegalArgumentException("DataLoader: sampler option is mutually exclusive with shuffle");
            }
            Function<List<Object>, B> fn;
            if (collate != null) {
                Function<? super List<T>, ? extends B> c = collate;
                fn = samples -> c.apply((List<T>) (List<?>) samples);
            } else {
                fn = samples -> {
                    Object first = samples.get(0);
                    if (first instanceof Number || first instanceof Boolean || first instanceof String) {
                        throw new IllegalArgumentException("DataLoader: samples of type " + first.getClass().getSimpleName()
                                + " collate to a Tensor or List, not to the sample type; pass "
                                + ".collate(Collate::defaultCollate) and read batches as Object");
                    }
                    return (B) Collate.defaultCollate(samples);
                };
            }
            return new DataLoader<>(this, fn);
        }
    }
}
