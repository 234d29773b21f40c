package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @Test
    void jsonHasTheIssueSchemaWithSkippedRowsApart(@TempDir Path dir) throws Exception {
        List<Result> rows = List.of(Result.ok(Workload.W4, Peer.EMBER, 12.3, 11.8, 30, new double[] {2.3}, ""),
                Result.notAvailable(Workload.W4, Peer.TF_EAGER, "no \"tape\""));
        Report r = TableTest.report(rows, List.of(new MemoryTrace(1000, 1, 2, 3, 4)));
        Path f = dir.resolve("sub/out.json");
        r.writeJson(f);
        String json = Files.readString(f);
        assertThat(json).contains("\"machine\": {").contains("\"cpu\": \"Test CPU\"").contains("\"iterations\": 20");
        assertThat(json).contains("{\n      \"workload\": \"W4\",\n      \"backend\": \"ember\",\n      \"unit\": \"ms\",\n"
                + "      \"median\": 12.3,\n      \"min\": 11.8,\n      \"iterations\": 30\n    }");
        assertThat(json).contains("\"skipped\": [").contains("\"reason\": \"no \\\"tape\\\"\"");
        assertThat(json).contains("\"memory\": [").contains("\"rssMB\": 4");
        try (var s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out.json");
        }
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertThat(Json.write(java.util.Map.of("x", Double.NaN))).isEqualTo("{\n  \"x\": null\n}\n");
        assertThat(Json.write(List.of(1.5e-7, 0.25, 3.0))).isEqualTo("[\n  1.5e-07,\n  0.25,\n  3\n]\n");
    }
}
