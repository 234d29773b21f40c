package dev.ember.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run produced: the machine, the rows, the memory trace and the disagreement warnings. */
public record Report(Map<String, Object> machine, Settings settings, List<Result> results, List<MemoryTrace> memory,
        List<String> warnings) {

    /**
     * The JSON: {@code {"machine": {...}, "results": [{"workload", "backend", "unit", "median", "min",
     * "iterations"}, ...]}} with one entry per measured row. Rows without numbers go to {@code "skipped"} (with
     * the reason), the W3 memory trace to {@code "memory"} and check disagreements to {@code "warnings"}.
     */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> m = new LinkedHashMap<>(machine);
        m.put("warmup", settings.warmup());
        m.put("iterations", settings.iters());
        root.put("machine", m);
        List<Object> rows = new ArrayList<>();
        List<Object> skipped = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("workload", r.workload());
            row.put("backend", r.backend());
            if (r.isOk()) {
                row.put("unit", r.unit());
                row.put("median", r.median());
                row.put("min", r.min());
                row.put("iterations", r.iterations());
                rows.add(row);
            } else {
                row.put("status", r.status() == Result.Status.FAILED ? "failed" : "not available");
                row.put("reason", r.note());
                skipped.add(row);
            }
        }
        root.put("results", rows);
        root.put("skipped", skipped);
        if (!memory.isEmpty()) {
            List<Object> mem = new ArrayList<>();
            for (MemoryTrace t : memory) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("step", t.step());
                e.put("heapMB", t.heapMb());
                e.put("nd4jMB", t.nd4jMb());
                e.put("javacppMB", t.javacppMb());
                e.put("rssMB", t.rssMb());
                mem.add(e);
            }
            root.put("memory", mem);
        }
        root.put("warnings", new ArrayList<Object>(warnings));
        return Json.write(root);
    }

    /** Writes {@link #toJson()} to {@code file} atomically: a temp file beside it, then a move. */
    public void writeJson(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
