package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {
    private static Result row(Workload w, Peer p, double... checks) {
        return Result.ok(w, p, 1, 1, 3, checks, "");
    }

    @Test
    void agreementWithinTheToleranceGivesNoWarning() {
        List<Result> rows = List.of(row(Workload.W3, Peer.EMBER, 2.338862, 2.269681),
                row(Workload.W3, Peer.TF_GRAPH, 2.338862, 2.269682), row(Workload.W4, Peer.EMBER, 2.3173));
        assertThat(Checks.warnings(rows)).isEmpty();
    }

    @Test
    void aBackendComputingSomethingElseIsNamed() {
        List<Result> rows = List.of(row(Workload.W4, Peer.EMBER, 2.3173, 2.2583),
                row(Workload.W4, Peer.LIBTORCH, 2.3173, 2.2583), row(Workload.W4, Peer.TF_GRAPH, 2.3173, 2.2601));
        List<String> w = Checks.warnings(rows);
        assertThat(w).hasSize(1);
        assertThat(w.get(0)).startsWith("WARNING W4: tf-graph computes [2.31730, 2.26010] but ember computes")
                .contains("not the same computation");
    }

    @Test
    void nearZeroValuesUseAnAbsoluteFloor() {
        assertThat(Checks.agree(new double[] {1e-9}, new double[] {5e-5})).isTrue();
        assertThat(Checks.agree(new double[] {0}, new double[] {2e-4})).isFalse();
        assertThat(Checks.agree(new double[] {Double.NaN}, new double[] {1})).isFalse();
    }
}
