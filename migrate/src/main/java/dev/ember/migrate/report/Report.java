package dev.ember.migrate.report;

import dev.ember.engine.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The migration report: per file, each change (rule, lines) and each finding; per rule, counts;
 * totals. Written as {@code report.md} and {@code report.json}. Never "0 issues" when something
 * was skipped: every file not rewritten says why in its findings.
 */
public final class Report {
    private final List<FileReport> files = new ArrayList<>();
    private final String level;

    public Report(String level) {
        this.level = level;
    }

    public void add(FileReport f) {
        files.add(f);
    }

    public List<FileReport> files() {
        return files;
    }

    /** The totals block of report.json. */
    public Map<String, Object> totals() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("files_scanned", files.size());
        t.put("files_rewritten", files.stream().filter(FileReport::rewritten).count());
        t.put("files_unchanged", files.stream().filter(f -> !f.rewritten()).count());
        t.put("files_with_todos", files.stream().filter(f -> f.count(Severity.TODO) > 0).count());
        t.put("run_sites", files.stream().mapToInt(FileReport::runSites).sum());
        t.put("run_sites_converted", files.stream().mapToInt(FileReport::runSitesConverted).sum());
        t.put("todos", files.stream().mapToLong(f -> f.count(Severity.TODO)).sum());
        t.put("unsupported", files.stream().mapToLong(f -> f.count(Severity.UNSUPPORTED)).sum());
        t.put("warnings", files.stream().mapToLong(f -> f.count(Severity.WARNING)).sum());
        t.put("errors", files.stream().mapToLong(f -> f.count(Severity.ERROR)).sum());
        return t;
    }

    /** Changes made per rule id. */
    public Map<String, Integer> perRule() {
        Map<String, Integer> counts = new TreeMap<>();
        for (FileReport f : files) {
            for (Change c : f.changes()) {
                counts.merge(c.rule(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** One line: files scanned / rewritten / unchanged / with TODOs, run sites converted, rules applied. */
    public String summaryLine() {
        Map<String, Object> t = totals();
        return String.format("%s files scanned, %s rewritten, %s unchanged, %s with TODOs; %s of %s run sites "
                + "converted; %d rule changes (%d rules); %s errors, %s unsupported", t.get("files_scanned"),
                t.get("files_rewritten"), t.get("files_unchanged"), t.get("files_with_todos"),
                t.get("run_sites_converted"), t.get("run_sites"), perRule().values().stream().mapToInt(i -> i).sum(),
                perRule().size(), t.get("errors"), t.get("unsupported"));
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("level", level);
        root.put("totals", totals());
        root.put("rules", perRule());
        List<Object> fs = new ArrayList<>();
        for (FileReport f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("rewritten", f.rewritten());
            List<Object> cs = new ArrayList<>();
            for (Change c : f.changes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("rule", c.rule());
                cm.put("line_before", c.lineBefore());
                cm.put("end_before", c.endBefore());
                cm.put("line_after", c.lineAfter());
                cm.put("end_after", c.endAfter());
                cs.add(cm);
            }
            m.put("changes", cs);
            List<Object> fd = new ArrayList<>();
            for (Finding x : f.findings()) {
                Map<String, Object> xm = new LinkedHashMap<>();
                xm.put("line", x.line());
                xm.put("col", x.col());
                xm.put("severity", x.severity().label());
                xm.put("rule", x.rule());
                xm.put("message", x.message());
                xm.put("hint", x.hint() == null ? "" : x.hint());
                fd.add(xm);
            }
            m.put("findings", fd);
            m.put("run_sites", f.runSites());
            m.put("run_sites_converted", f.runSitesConverted());
            fs.add(m);
        }
        root.put("files", fs);
        return Json.write(root) + "\n";
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("# Ember migration report\n\n");
        sb.append("Level: `").append(level).append("`\n\n").append(summaryLine()).append("\n\n## Totals\n\n");
        sb.append("| total | count |\n|---|---|\n");
        totals().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\n## Changes per rule\n\n");
        if (perRule().isEmpty()) {
            sb.append("No rule changed anything.\n");
        } else {
            sb.append("| rule | changes |\n|---|---|\n");
            perRule().forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
        }
        sb.append("\n## Files\n");
        for (FileReport f : files) {
            sb.append("\n### `").append(f.path()).append("` — ").append(f.rewritten() ? "rewritten" : "unchanged")
                    .append("\n\n");
            if (!f.changes().isEmpty()) {
                sb.append("| rule | lines before | lines after |\n|---|---|---|\n");
                for (Change c : f.changes()) {
                    sb.append("| `").append(c.rule()).append("` | ").append(range(c.lineBefore(), c.endBefore()))
                            .append(" | ").append(range(c.lineAfter(), c.endAfter())).append(" |\n");
                }
                sb.append('\n');
            }
            for (Finding x : f.findings()) {
                sb.append("- `").append(x.format(f.path()).replace("`", "'")).append("`\n");
            }
            if (f.changes().isEmpty() && f.findings().isEmpty()) {
                sb.append("No TF-Java code found.\n");
            }
        }
        return sb.toString();
    }

    private static String range(int start, int end) {
        return end < start ? "(none, at " + start + ")" : start == end ? Integer.toString(start) : start + "-" + end;
    }
}
