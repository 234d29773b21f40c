package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {
    static Report report(List<Result> rows, List<MemoryTrace> mem) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", "Test CPU");
        machine.put("cores", 2);
        machine.put("loadAverageAtStart", 0.5);
        machine.put("loadAverageAtEnd", 0.7);
        machine.put("fmaCeilingGflops", 400.0);
        machine.put("fmaCeilingMethod", "measured");
        return new Report(machine, new Settings(2, 20), rows, mem, Checks.warnings(rows));
    }

    @Test
    void engineRowsCarryRatiosAndTargets() {
        List<Result> rows = List.of(
                Result.ok(Workload.W4, Peer.EMBER, 30, 29, 20, null, ""),
                Result.ok(Workload.W4, Peer.TF_GRAPH, 10, 9, 20, null, ""),
                Result.ok(Workload.W4, Peer.ND4J_RAW, 25, 24, 20, null, ""),
                Result.notAvailable(Workload.W4, Peer.TF_EAGER, "TF-Java's eager mode has no gradient tape"));
        String t = Table.format(report(rows, List.of()));
        assertThat(t).contains("W4        ember      30.00  29.00  ms        3.00x          -      1.20x  "
                + "PASS 1.20x nd4j-raw <=1.25x; MISS 3.00x tf-graph <=2.00x");
        assertThat(t).contains("W4        tf-eager  n/a: TF-Java's eager mode has no gradient tape");
        assertThat(t).contains("load average 0.5 at start, 0.7 at end");
    }

    @Test
    void w1GradIsJudgedAgainstRawNd4jW1AndRatesInvertForRatios() {
        List<Result> rows = List.of(
                Result.ok(Workload.W1, Peer.ND4J_RAW, 10, 9, 20, null, ""),
                Result.ok(Workload.W1_GRAD, Peer.EMBER, 30, 29, 20, null, ""),
                Result.ok(Workload.W2_1024, Peer.EMBER, 100, 110, 20, null, ""),
                Result.ok(Workload.W2_1024, Peer.TF_GRAPH, 200, 210, 20, null, ""));
        String t = Table.format(report(rows, List.of()));
        assertThat(t).contains("MISS 3.00x nd4j-raw W1 <=2.50x");
        // Half the rate of TF is twice its time.
        assertThat(t).contains("W2-1024   ember      100.0  110.0  GFLOP/s      2.00x");
        assertThat(t).contains("W2-1024  ember       100.0 GFLOP/s =  25% of the ceiling");
    }

    @Test
    void aMissingPeerRowIsAQuestionMarkNotAPass() {
        String t = Table.format(report(List.of(Result.ok(Workload.W6, Peer.EMBER, 50, 45, 20, null, "")), List.of()));
        assertThat(t).contains("? (no tf-graph number) <=2.00x");
    }

    @Test
    void checkpointImportIsJudgedAgainstTheRawReadOfTheSameFiles() {
        List<Result> rows = List.of(
                Result.ok(Workload.CK_READ, Peer.EMBER, 2000, 2500, 20, null, "1091.0 MB"),
                Result.ok(Workload.CK_IMPORT, Peer.EMBER, 800, 900, 20, new double[] {441, 1091}, "1091.0 MB"));
        String t = Table.format(report(rows, List.of()));
        assertThat(t).contains("MISS 40% of CK-read >=50%");
        assertThat(t).contains("Checkpoint import (1091.0 MB):\n  warm cache raw sequential read   2000 MB/s, "
                + "import into a state_dict    800 MB/s: ratio 0.40 (target >= 0.50: MISS)").doesNotContain("cold cache");
        List<Result> fast = List.of(rows.get(0), Result.ok(Workload.CK_IMPORT, Peer.EMBER, 1200, 1300, 20, null, ""));
        assertThat(Table.format(report(fast, List.of()))).contains("PASS 60% of CK-read >=50%")
                .contains("ratio 0.60 (target >= 0.50: PASS)");
        List<Result> cold = List.of(Result.ok(Workload.CK_READ_COLD, Peer.EMBER, 500, 600, 20, null, "1091.0 MB"),
                Result.ok(Workload.CK_IMPORT_COLD, Peer.EMBER, 300, 320, 20, null, "1091.0 MB"));
        assertThat(Table.format(report(cold, List.of()))).contains("PASS 60% of CK-read-cold >=50%")
                .contains("  cold cache raw sequential read    500 MB/s, import into a state_dict    300 MB/s: "
                        + "ratio 0.60 (target >= 0.50: PASS)");
        assertThat(Table.format(report(List.of(rows.get(1)), List.of()))).contains("? (no CK-read number) >=50%")
                .doesNotContain("Checkpoint import (");
    }

    @Test
    void memoryTraceAndVerdictArePrinted() {
        List<MemoryTrace> mem = List.of(new MemoryTrace(1000, 40, 10, 0, 300), new MemoryTrace(10000, 41, 10, 0, 390));
        String t = Table.format(report(List.of(), mem));
        assertThat(t).contains("W3 memory check").contains("  10000      41.0      10.0       0.0     390.0")
                .contains("MISS: growth from step 1000 to 10000: heap +1.0 MB, nd4j +0.0 MB, RSS +90.0 MB");
    }

    @Test
    void migrationIsJudgedAgainstParseAndResolveOfTheSameFiles() {
        List<Result> rows = List.of(
                Result.ok(Workload.MIG_PARSE, Peer.EMBER, 2000, 2100, 3, null, "100061 lines"),
                Result.ok(Workload.MIG_MIGRATE, Peer.EMBER, 800, 850, 3, null, "100061 lines, 1790 files"));
        String t = Table.format(report(rows, List.of()));
        // 2.5x the time per line: a miss, said as a time ratio (not as a percentage of the rate)
        assertThat(t).contains("MISS 2.50x ember MIG-parse <=2.00x");
        assertThat(t).contains("Migration (100061 lines, 1790 files):\n  JavaParser parse + resolve 50.0 s per 100k "
                + "lines (2000 lines/s), migrate (eager) 125.0 s per 100k lines (800 lines/s): ratio 2.50 "
                + "(target <= 2.00: MISS)");
        List<Result> fast = List.of(rows.get(0), Result.ok(Workload.MIG_MIGRATE, Peer.EMBER, 1250, 1300, 3, null, ""));
        assertThat(Table.format(report(fast, List.of()))).contains("PASS 1.60x ember MIG-parse <=2.00x")
                .contains("ratio 1.60 (target <= 2.00: PASS)");
        assertThat(Table.format(report(List.of(rows.get(1)), List.of()))).contains("? (no ember MIG-parse number)")
                .doesNotContain("Migration (");
    }
}
