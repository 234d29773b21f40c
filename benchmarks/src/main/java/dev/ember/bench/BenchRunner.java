package dev.ember.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parent of a benchmark run: forks the children, collects their rows, prints the table, writes JSON. */
public final class BenchRunner {
    private BenchRunner() {
    }

    /** Runs {@code o}; the table goes to {@code out}, progress to {@code err}. Returns the exit code. */
    public static int run(BenchOptions o, PrintStream out, PrintStream err) {
        LinkedHashMap<String, Object> machine = Machine.describe();
        Map<String, String> natives = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        List<MemoryTrace> memory = new ArrayList<>();
        if (o.groups().contains("W2")) {
            err.println("[bench] measuring the FMA ceiling");
            Forks.Outcome f = Forks.fmaCeiling(err);
            machine.put("fmaCeilingGflops", f.fma() == null ? null : Double.parseDouble(f.fma()));
            machine.put("fmaCeilingMethod", f.fma() == null ? "failed: " + f.failure() : f.fmaMethod());
        }
        int total = 0;
        for (String group : o.groups()) {
            for (Peer peer : o.peers()) {
                if (Workload.inGroup(group).stream().anyMatch(w -> Support.whyNot(peer, w) == null)) {
                    total++;
                }
            }
        }
        int done = 0;
        long t0 = System.nanoTime();
        for (String group : o.groups()) {
            for (Peer peer : o.peers()) {
                List<Workload> rows = Workload.inGroup(group);
                if (!group.equals("mem") && !group.equals("CK") && !group.equals("MIG")) {   // engine-only groups: no n/a rows
                    rows.stream().filter(w -> Support.whyNot(peer, w) != null)
                            .forEach(w -> results.add(Result.notAvailable(w, peer, Support.whyNot(peer, w))));
                }
                if (rows.stream().allMatch(w -> Support.whyNot(peer, w) != null)) {
                    continue;
                }
                done++;
                err.printf(Locale.ROOT, "[bench %d/%d, %.0f s] %s on %s%n", done, total, (System.nanoTime() - t0) / 1e9,
                        group, peer.id());
                Forks.Outcome oc = Forks.run(peer, group, o.settings(), err);
                natives.putAll(oc.info());
                for (Result r : oc.results()) {
                    err.println("    -> " + r);
                }
                oc.results().stream().filter(r -> Support.whyNot(peer, Workload.of(r.workload())) == null)
                        .forEach(results::add);
                oc.memory().forEach(line -> memory.add(MemoryTrace.parse(line)));
            }
        }
        results.sort(java.util.Comparator.comparing((Result r) -> Workload.of(r.workload()).ordinal())
                .thenComparing(r -> Peer.of(r.backend()).ordinal()));
        machine.put("loadAverageAtEnd", Machine.loadAverage());
        machine.put("natives", natives);
        Report report = new Report(machine, o.settings(), results, memory, Checks.warnings(results));
        out.print(Table.format(report));
        if (o.json() != null) {
            try {
                report.writeJson(o.json());
                err.println("[bench] wrote " + o.json());
            } catch (IOException e) {
                err.println("bench: could not write " + o.json() + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }
}
