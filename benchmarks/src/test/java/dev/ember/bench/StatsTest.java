package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void medianOfOddAndEvenCountsAndMin() {
        assertThat(Stats.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Stats.min(new double[] {4, 1, 3, 2})).isEqualTo(1);
    }

    @Test
    void medianDoesNotReorderTheSamples() {
        double[] s = {3, 1, 2};
        Stats.median(s);
        assertThat(s).containsExactly(3, 1, 2);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Stats.median(new double[0])).hasMessageContaining("no samples");
    }

    @Test
    void ratesConvertFromTimesAndMinIsTheFastestIteration() {
        // 2 * 1024^3 flops in 0.01 s = 214.7 GFLOP/s; the faster iteration gives the higher rate.
        Measurement m = new Measurement(new double[] {0.02, 0.01, 0.04}, null, "");
        Result r = m.toResult(Workload.W2_1024, Peer.EMBER);
        assertThat(r.median()).isCloseTo(107.374, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.min()).isCloseTo(214.748, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(r.medianSeconds()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        Result t = new Measurement(new double[] {0.002, 0.001, 0.004}, null, "").toResult(Workload.W3, Peer.EMBER);
        assertThat(t.median()).isEqualTo(2.0);
        assertThat(t.min()).isEqualTo(1.0);
    }
}
