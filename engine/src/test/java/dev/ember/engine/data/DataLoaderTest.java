package dev.ember.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batching, shuffling, worker threads: order, shutdown, errors, reproducibility. */
class DataLoaderTest {

    /** Sample i is {x = [i, i+0.5] float32, y = i int64}; optionally slow, jittered and failing at one index. */
    static final class Numbers implements Dataset<Tensor[]> {
        final int n;
        final int failAt;
        final boolean slow;
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        Numbers(int n, int failAt, boolean slow) {
            this.n = n;
            this.failAt = failAt;
            this.slow = slow;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public Tensor[] get(int i) {
            threads.add(Thread.currentThread().getName());
            if (slow) {
                // Uneven work so that workers finish out of order.
                LockSupport.parkNanos((long) ((i * 7919 % 13) * 300_000L));
            }
            if (i == failAt) {
                throw new IllegalStateException("sample " + i + " is corrupt");
            }
            return new Tensor[] {Tensor.fromArray(new float[] {i, i + 0.5f}, 2), Tensor.scalar((long) i)};
        }
    }

    @AfterEach
    void noWorkerOutlivesATest() {
        assertThat(liveWorkers()).as("live DataLoader worker threads").isEmpty();
    }

    static List<String> liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("ember-dataloader-worker")).collect(Collectors.toList());
    }

    private static List<long[]> labels(DataLoader<Tensor[]> loader) {
        List<long[]> out = new ArrayList<>();
        for (Tensor[] b : loader) {
            out.add(b[1].toLongArray());
        }
        return out;
    }

    @Test
    void batchesInOrderWithCollatedFields() {
        DataLoader<Tensor[]> loader = DataLoader.builder(new Numbers(10, -1, false)).batchSize(4).build();
        assertThat(loader.size()).isEqualTo(3);
        List<Tensor[]> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)[0].shape()).containsExactly(4, 2);
        assertThat(batches.get(0)[0].toFloatArray()).containsExactly(0, 0.5f, 1, 1.5f, 2, 2.5f, 3, 3.5f);
        assertThat(batches.get(2)[1].toLongArray()).containsExactly(8, 9);
        assertThat(batches.get(2)[0].shape()).containsExactly(2, 2);
    }

    @Test
    void dropLastDropsTheShortBatch() {
        DataLoader<Tensor[]> loader = DataLoader.builder(new Numbers(10, -1, false)).batchSize(4).dropLast(true).build();
        assertThat(loader.size()).isEqualTo(2);
        assertThat(labels(loader)).hasSize(2).allMatch(b -> b.length == 4);
    }

    @Test
    void tensorDatasetFastPathMatchesTheGenericPath() {
        Tensor x = Tensor.randn(new Generator(3), 23, 3, 2);
        Tensor y = Tensor.arange(23);
        TensorDataset ds = new TensorDataset(x, y);
        Dataset<Tensor[]> generic = Datasets.map(ds, s -> s); // hides the TensorDataset type
        Subset<Tensor[]> sub = Datasets.randomSplit(ds, new long[] {20, 3}, new Generator(0)).get(0);
        for (Dataset<Tensor[]> d : List.of(generic, sub)) {
            Dataset<Tensor[]> direct = d == generic ? ds : Datasets.map(sub, s -> s);
            List<Tensor[]> a = new ArrayList<>();
            DataLoader.builder(d).batchSize(5).build().forEach(a::add);
            List<Tensor[]> b = new ArrayList<>();
            DataLoader.builder(direct).batchSize(5).build().forEach(b::add);
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i)[0].equal(b.get(i)[0])).isTrue();
                assertThat(a.get(i)[1].equal(b.get(i)[1])).isTrue();
            }
        }
    }

    @Test
    void seededShuffleIsReproducibleAndDiffersBetweenEpochs() {
        DataLoader<Tensor[]> a = DataLoader.builder(new Numbers(40, -1, false)).batchSize(8).shuffle(true)
                .generator(new Generator(123)).build();
        DataLoader<Tensor[]> b = DataLoader.builder(new Numbers(40, -1, false)).batchSize(8).shuffle(true)
                .generator(new Generator(123)).numWorkers(2).build();
        List<long[]> a1 = labels(a);
        List<long[]> a2 = labels(a);
        List<long[]> b1 = labels(b);
        List<long[]> b2 = labels(b);
        assertThat(flat(a1)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).boxed().toList());
        assertThat(flat(a1)).isNotEqualTo(IntStream.range(0, 40).boxed().toList());
        assertThat(flat(a2)).isNotEqualTo(flat(a1));
        // Same seed: same batches, whatever the worker count.
        assertThat(flat(b1)).isEqualTo(flat(a1));
        assertThat(flat(b2)).isEqualTo(flat(a2));
        DataLoader<Tensor[]> c = DataLoader.builder(new Numbers(40, -1, false)).batchSize(8).shuffle(true)
                .generator(new Generator(124)).build();
        assertThat(flat(labels(c))).isNotEqualTo(flat(a1));
    }

    @Test
    void workersPreserveBatchOrder() {
        Numbers ds = new Numbers(60, -1, true);
        List<long[]> serial = labels(DataLoader.builder(ds).batchSize(3).build());
        List<long[]> parallel = labels(DataLoader.builder(ds).batchSize(3).numWorkers(3).prefetchFactor(2).build());
        assertThat(flat(parallel)).isEqualTo(flat(serial)).isEqualTo(IntStream.range(0, 60).boxed().toList());
        assertThat(ds.threads.stream().filter(t -> t.startsWith("ember-dataloader-worker")).count()).isEqualTo(3);
        // The epoch ended: its workers were joined (checked after each test, and here).
        assertThat(liveWorkers()).isEmpty();
    }

    @Test
    void earlyBreakThenCloseJoinsEveryWorker() {
        Numbers ds = new Numbers(400, -1, true);
        try (DataLoader<Tensor[]> loader = DataLoader.builder(ds).batchSize(2).numWorkers(3).prefetchFactor(2).build()) {
            int seen = 0;
            for (Tensor[] b : loader) {
                assertThat(b[1].toLongArray()).containsExactly(2L * seen, 2L * seen + 1);
                if (++seen == 3) {
                    assertThat(liveWorkers()).as("workers run while the epoch is open").hasSize(3);
                    break;
                }
            }
        }
        assertThat(liveWorkers()).isEmpty();
    }

    @Test
    void closingTheEpochIteratorAlsoJoins() {
        DataLoader<Tensor[]> loader = DataLoader.builder(new Numbers(100, -1, true)).batchSize(2).numWorkers(2).build();
        DataLoader.Epoch<Tensor[]> epoch = loader.iterator();
        assertThat(epoch.next()[1].toLongArray()).containsExactly(0, 1);
        epoch.close();
        assertThat(liveWorkers()).isEmpty();
        assertThat(epoch.hasNext()).isFalse();
        // The loader can start another epoch afterwards.
        assertThat(flat(labels(loader))).hasSize(100);
    }

    @Test
    void workerExceptionSurfacesOnTheConsumerWithTheOriginalCause() {
        DataLoader<Tensor[]> loader = DataLoader.builder(new Numbers(40, 13, false)).batchSize(4).numWorkers(2).build();
        List<long[]> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (Tensor[] b : loader) {
                got.add(b[1].toLongArray());
            }
        }).isInstanceOf(DataLoader.WorkerException.class)
                .hasMessageStartingWith("DataLoader worker 1 failed on batch 3 (sample indices [12, 13, 14, 15])")
                .hasCauseInstanceOf(IllegalStateException.class)
                .cause().hasMessage("sample 13 is corrupt");
        assertThat(flat(got)).isEqualTo(IntStream.range(0, 12).boxed().toList());
        assertThat(liveWorkers()).isEmpty();

        // Without workers the dataset's exception propagates unchanged.
        DataLoader<Tensor[]> serial = DataLoader.builder(new Numbers(40, 13, false)).batchSize(4).build();
        assertThatThrownBy(() -> serial.forEach(b -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("sample 13 is corrupt");
    }

    @Test
    void workerGeneratorsMakeAugmentationRepeatable() {
        Dataset<Double> noisy = new Dataset<>() {
            @Override
            public int size() {
                return 30;
            }

            @Override
            public Double get(int index) {
                assertThat(DataLoader.workerInfo()).isPresent();
                return index + DataLoader.currentGenerator().nextDouble();
            }
        };
        java.util.function.Supplier<List<Double>> run = () -> {
            List<Double> out = new ArrayList<>();
            DataLoader<List<Double>> l = DataLoader.builder(noisy).batchSize(4).numWorkers(3)
                    .generator(new Generator(9)).collate(s -> s).build();
            l.forEach(out::addAll);
            return out;
        };
        List<Double> first = run.get();
        assertThat(run.get()).isEqualTo(first);
        assertThat(DataLoader.workerInfo()).isEmpty();
    }

    @Test
    void badOptionsAreClearErrors() {
        Numbers ds = new Numbers(4, -1, false);
        assertThatThrownBy(() -> DataLoader.builder(ds).batchSize(0))
                .hasMessage("DataLoader: batchSize should be a positive integer, got 0");
        assertThatThrownBy(() -> DataLoader.builder(ds).numWorkers(-1)).hasMessageContaining("got -1");
        assertThatThrownBy(() -> DataLoader.builder(ds).shuffle(true).sampler(new SequentialSampler(4)).build())
                .hasMessage("DataLoader: sampler option is mutually exclusive with shuffle");
        DataLoader<Integer> ints = DataLoader.builder(DatasetsTest.range(3)).build();
        assertThatThrownBy(() -> ints.iterator().next()).hasMessageContaining("samples of type Integer");
        DataLoader<Object> any = DataLoader.builder(DatasetsTest.range(3)).batchSize(3)
                .collate(Collate::defaultCollate).build();
        assertThat(((Tensor) any.iterator().next()).toLongArray()).containsExactly(0, 1, 2);
    }

    private static List<Integer> flat(List<long[]> batches) {
        return batches.stream().flatMapToLong(Arrays::stream).mapToObj(v -> (int) v).collect(Collectors.toList());
    }
}
