package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultTest {
    @Test
    void lineRoundTripsIncludingChecksAndAwkwardNotes() {
        Result r = Result.ok(Workload.W4, Peer.TF_GRAPH, 8.25, 7.5, 20, new double[] {2.3173, 2.2582}, "a\tb\nc\\d");
        Result back = Result.parseLine(r.toLine());
        assertThat(back).isEqualTo(r);
        assertThat(back.note()).isEqualTo("a\tb\nc\\d");
        assertThat(back.checks()).containsExactly(2.3173, 2.2582);
    }

    @Test
    void failedRowsRoundTripWithTheirReason() {
        Result r = Result.failed(Workload.W5, Peer.LIBTORCH, "child JVM exited with code 134");
        Result back = Result.parseLine(r.toLine());
        assertThat(back.status()).isEqualTo(Result.Status.FAILED);
        assertThat(back.note()).isEqualTo("child JVM exited with code 134");
        assertThat(Double.isNaN(back.median())).isTrue();
    }

    @Test
    void otherLinesAreNotResults() {
        assertThat(Result.parseLine("WARNING: All log messages before absl::InitializeLog()")).isNull();
    }
}
