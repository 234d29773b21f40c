package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkloadTest {
    @Test
    void defaultSelectionIsW1ToW7CkAndMigWithoutTheLongMemoryCheck() {
        assertThat(Workload.select(null)).containsExactly("W1", "W2", "W3", "W4", "W5", "W6", "W7", "CK");
    }

    @Test
    void onlyNamesGroupsInAnyCaseAndTheMemoryCheckBySeveralNames() {
        assertThat(Workload.select("w3, W1,W3mem")).containsExactly("W3", "W1", "mem");
        assertThat(Workload.select("mem")).containsExactly("mem");
        assertThat(Workload.inGroup("W2")).containsExactly(Workload.W2_1024, Workload.W2_4096);
    }

    @Test
    void unknownWorkloadNamesTheKnownOnes() {
        assertThatThrownBy(() -> Workload.select("W8")).hasMessageContaining("unknown workload 'W8'")
                .hasMessageContaining("W1, W2, W3, W4, W5, W6, W7, CK, MIG, mem");
    }

    @Test
    void everyBackendRunsOrExplainsEveryRow() {
        for (Workload w : Workload.values()) {
            for (Peer p : Peer.values()) {
                String why = Support.whyNot(p, w);
                assertThat(why == null || !why.isBlank()).as(w + " on " + p).isTrue();
            }
            assertThat(Support.whyNot(Peer.EMBER, w)).as(w.id()).isNull();
        }
    }
}
