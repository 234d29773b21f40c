package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one table a run prints: per workload, per backend, median, min and unit; on the engine's
 * rows the ratios engine/tf-graph, engine/libtorch, engine/nd4j-raw (time over time, so above 1 the
 * engine is slower) and the targets as PASS/MISS; then check warnings, W2 beside the FMA
 * ceiling and the memory trace.
 */
public final class Table {
    private static final Peer[] RATIO_PEERS = {Peer.TF_GRAPH, Peer.LIBTORCH, Peer.ND4J_RAW};

    private Table() {
    }

    public static String format(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Ember benchmarks: fp32, 2 threads, >= %d warm-up (and >= 2 s) + %d timed iterations, "
                + "each backend in its own JVM%n", report.settings().warmup(), report.settings().iters()));
        sb.append("machine: ").append(report.machine().get("cpu")).append(", ").append(report.machine().get("cores"))
                .append(" cores, load average ").append(report.machine().get("loadAverageAtStart")).append(" at start, ")
                .append(report.machine().get("loadAverageAtEnd")).append(" at end; GPU not run\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"workload", "backend", "median", "min", "unit", "/tf-graph", "/libtorch", "/nd4j-raw",
            "target"});
        String lastGroup = null;
        for (Result r : report.results()) {
            String group = Workload.of(r.workload()).group();
            if (lastGroup != null && !group.equals(lastGroup)) {
                rows.add(null);
            }
            lastGroup = group;
            rows.add(row(report.results(), r));
        }
        appendAligned(sb, rows);
        for (String w : report.warnings()) {
            sb.append(w).append('\n');
        }
        appendCeiling(sb, report);
        appendCheckpoint(sb, report);
        appendMigration(sb, report);
        appendMemory(sb, report);
        sb.append("\nratios: engine median time / peer median time (for rates: peer rate / engine rate); "
                + "above 1 the engine is slower. min: fastest iteration (for rates: its rate).\n");
        return sb.toString();
    }

    private static String[] row(List<Result> all, Result r) {
        if (!r.isOk()) {
            String what = (r.status() == Result.Status.FAILED ? "FAILED: " : "n/a: ") + r.note();
            return new String[] {r.workload(), r.backend(), what};
        }
        String[] c = new String[9];
        c[0] = r.workload();
        c[1] = r.backend();
        c[2] = num(r.median());
        c[3] = num(r.min());
        c[4] = r.unit();
        for (int i = 0; i < RATIO_PEERS.length; i++) {
            c[5 + i] = "";
            if (r.backend().equals(Peer.EMBER.id())) {
                double q = Targets.ratio(all, r.workload(), RATIO_PEERS[i], peerWorkload(all, r.workload(), RATIO_PEERS[i]));
                c[5 + i] = Double.isNaN(q) ? "-" : Targets.fmt(q) + "x";
            }
        }
        c[8] = r.backend().equals(Peer.EMBER.id())
                ? Targets.judge(all, r.workload()).stream().map(Targets.Verdict::text).collect(Collectors.joining("; "))
                : "";
        return c;
    }

    /** The peer's row to compare with: the same workload, or W1 for raw ND4J's W1-grad (it has no autograd). */
    static String peerWorkload(List<Result> all, String workload, Peer peer) {
        if (workload.equals("W1-grad") && Targets.find(all, workload, peer).isEmpty()) {
            return "W1";
        }
        return workload;
    }

    private static void appendAligned(StringBuilder sb, List<String[]> rows) {
        int[] width = new int[9];
        for (String[] r : rows) {
            if (r != null && r.length == 9) {
                for (int i = 0; i < 9; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
        }
        for (String[] r : rows) {
            if (r == null) {
                sb.append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean right = i >= 2 && i <= 3 || i >= 5 && i <= 7;
                String cell = r[i];
                if (i == r.length - 1) {
                    line.append(cell);
                } else {
                    line.append(right ? pad(cell, width[i], true) : pad(cell, width[i], false)).append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }

    private static void appendCeiling(StringBuilder sb, Report report) {
        Object peak = report.machine().get("fmaCeilingGflops");
        if (!(peak instanceof Double p) || report.results().stream().noneMatch(r -> r.workload().startsWith("W2"))) {
            return;
        }
        sb.append(String.format(Locale.ROOT, "%nW2 beside the FMA ceiling %.1f GFLOP/s (%s):%n", p,
                report.machine().get("fmaCeilingMethod")));
        for (Result r : report.results()) {
            if (r.isOk() && r.workload().startsWith("W2")) {
                sb.append(String.format(Locale.ROOT, "  %-8s %-9s %7.1f GFLOP/s = %3.0f%% of the ceiling%n", r.workload(),
                        r.backend(), r.median(), 100 * r.median() / p));
            }
        }
    }

    /** Issue 7's numbers, one line per cache state: raw read rate, import rate, their ratio. */
    private static void appendCheckpoint(StringBuilder sb, Report report) {
        boolean header = false;
        for (Workload[] pair : new Workload[][] {{Workload.CK_READ, Workload.CK_IMPORT},
            {Workload.CK_READ_COLD, Workload.CK_IMPORT_COLD}}) {
            java.util.Optional<Result> read = Targets.find(report.results(), pair[0].id(), Peer.EMBER);
            java.util.Optional<Result> imp = Targets.find(report.results(), pair[1].id(), Peer.EMBER);
            if (read.isEmpty() || imp.isEmpty()) {
                continue;
            }
            if (!header) {
                sb.append(String.format(Locale.ROOT, "%nCheckpoint import (%s):%n", imp.get().note()));
                header = true;
            }
            double ratio = imp.get().median() / read.get().median();
            sb.append(String.format(Locale.ROOT, "  %-10s raw sequential read %6.0f MB/s, import into a state_dict "
                    + "%6.0f MB/s: ratio %.2f (target >= 0.50: %s)%n", pair[0] == Workload.CK_READ ? "warm cache"
                    : "cold cache", read.get().median(), imp.get().median(), ratio, ratio >= 0.5 ? "PASS" : "MISS"));
        }
    }

    /** Issue 6's numbers: parse + resolve and migration of the same files, seconds per 100k lines, their ratio. */
    private static void appendMigration(StringBuilder sb, Report report) {
        java.util.Optional<Result> parse = Targets.find(report.results(), Workload.MIG_PARSE.id(), Peer.EMBER);
        java.util.Optional<Result> migrate = Targets.find(report.results(), Workload.MIG_MIGRATE.id(), Peer.EMBER);
        if (parse.isEmpty() || migrate.isEmpty()) {
            return;
        }
        double ratio = parse.get().median() / migrate.get().median();
        sb.append(String.format(Locale.ROOT, "%nMigration (%s):%n  JavaParser parse + resolve %.1f s per 100k lines "
                + "(%.0f lines/s), migrate (eager) %.1f s per 100k lines (%.0f lines/s): ratio %.2f (target <= 2.00: "
                + "%s)%n", migrate.get().note(), 1e5 / parse.get().median(), parse.get().median(),
                1e5 / migrate.get().median(), migrate.get().median(), ratio, ratio <= 2.0 ? "PASS" : "MISS"));
    }

    private static void appendMemory(StringBuilder sb, Report report) {
        if (report.memory().isEmpty()) {
            return;
        }
        sb.append(String.format(Locale.ROOT, "%nW3 memory check (engine; after a GC at each checkpoint, MB):%n"));
        sb.append(String.format(Locale.ROOT, "  %7s %9s %9s %9s %9s%n", "step", "heap", "nd4j", "javacpp", "RSS"));
        for (MemoryTrace t : report.memory()) {
            sb.append(String.format(Locale.ROOT, "  %7d %9.1f %9.1f %9.1f %9.1f%n", t.step(), t.heapMb(), t.nd4jMb(),
                    t.javacppMb(), t.rssMb()));
        }
        sb.append("  ").append(MemoryCheck.verdict(report.memory())).append('\n');
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
