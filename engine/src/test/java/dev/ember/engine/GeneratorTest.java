package dev.ember.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void sameSeedSameStreamAndReseedingRestarts() {
        Generator a = new Generator(42);
        Generator b = new Generator(42);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        long first = new Generator(42).nextLong();
        a.manualSeed(42);
        assertThat(a.nextLong()).isEqualTo(first);
        assertThat(new Generator(43).nextLong()).isNotEqualTo(first);
        assertThat(a.initialSeed()).isEqualTo(42);
    }

    @Test
    void stateRoundTripIncludesTheSpareGaussian() {
        Generator g = new Generator(1);
        g.nextGaussian();                 // leaves a spare
        long[] state = g.getState();
        double x = g.nextGaussian();
        double y = g.nextDouble();
        g.setState(state);
        assertThat(g.nextGaussian()).isEqualTo(x);
        assertThat(g.nextDouble()).isEqualTo(y);
        assertThatThrownBy(() -> g.setState(new long[3])).hasMessageContaining("expected a state of 7 longs");
    }

    @Test
    void boundedLongsAreUniform() {
        Generator g = new Generator(9);
        int[] counts = new int[6];
        for (int i = 0; i < 60000; i++) {
            counts[(int) g.nextLong(6)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9400, 10600);
        }
        assertThatThrownBy(() -> g.nextLong(0)).hasMessageContaining("bound must be > 0, got 0");
    }
}
