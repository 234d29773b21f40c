package dev.ember.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** SequentialSampler, RandomSampler, BatchSampler. */
class SamplersTest {

    private static List<Integer> epoch(Sampler s) {
        return StreamSupport.stream(s.spliterator(), false).toList();
    }

    @Test
    void sequential() {
        assertThat(epoch(new SequentialSampler(4))).containsExactly(0, 1, 2, 3);
        assertThat(new SequentialSampler(4).size()).isEqualTo(4);
        assertThatThrownBy(() -> new SequentialSampler(-1)).hasMessage("SequentialSampler: size must be >= 0, got -1");
    }

    @Test
    void randomIsANewPermutationEachEpochAndSeeded() {
        RandomSampler a = new RandomSampler(50, new Generator(7));
        RandomSampler b = new RandomSampler(50, new Generator(7));
        List<Integer> a1 = epoch(a);
        List<Integer> a2 = epoch(a);
        assertThat(a1).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(a1).isNotEqualTo(IntStream.range(0, 50).boxed().toList());
        assertThat(a2).isNotEqualTo(a1);
        assertThat(epoch(b)).isEqualTo(a1);
        assertThat(epoch(b)).isEqualTo(a2);

        // Without a generator: seeded from the default generator, so manualSeed repeats runs.
        Ember.manualSeed(5);
        List<Integer> d1 = epoch(new RandomSampler(20, null));
        Ember.manualSeed(5);
        assertThat(epoch(new RandomSampler(20, null))).isEqualTo(d1);
    }

    @Test
    void randomWithReplacement() {
        RandomSampler s = new RandomSampler(3, true, 100, new Generator(1));
        List<Integer> e = epoch(s);
        assertThat(s.size()).isEqualTo(100);
        assertThat(e).hasSize(100).allMatch(i -> i >= 0 && i < 3).contains(0, 1, 2);
        assertThatThrownBy(() -> new RandomSampler(3, false, 5, null)).hasMessageContaining("numSamples=5");
    }

    @Test
    void batchSamplerSizesAndDropLast() {
        BatchSampler keep = new BatchSampler(new SequentialSampler(10), 4, false);
        BatchSampler drop = new BatchSampler(new SequentialSampler(10), 4, true);
        List<int[]> k = new ArrayList<>();
        keep.forEach(k::add);
        List<int[]> d = new ArrayList<>();
        drop.forEach(d::add);
        assertThat(keep.size()).isEqualTo(3);
        assertThat(k).hasSize(3);
        assertThat(k.get(2)).containsExactly(8, 9);
        assertThat(drop.size()).isEqualTo(2);
        assertThat(d).hasSize(2);
        assertThat(d.get(1)).containsExactly(4, 5, 6, 7);
        assertThat(new BatchSampler(new SequentialSampler(8), 4, true).size()).isEqualTo(2);
        assertThatThrownBy(() -> new BatchSampler(new SequentialSampler(8), 0, true))
                .hasMessageContaining("batchSize=0");
    }
}
