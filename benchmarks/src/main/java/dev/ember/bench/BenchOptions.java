package dev.ember.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What {@code ember bench} runs: workload groups, backends, iterations and the JSON file. */
public record BenchOptions(List<String> groups, List<Peer> peers, Settings settings, Path json) {
    /**
     * The help text. Built by {@link #usage()} at run time, not a compile-time constant: javac copies constants
     * into the classes that use them, so the CLI kept printing an old text until its own sources changed.
     */
    public static final String USAGE = usage();

    /** The help text of {@code ember bench}. */
    public static String usage() {
        return "usage: ember bench [--only W1,W3] [--backends ember,tf-graph] [--iters N] "
            + "[--warmup N] [--json out.json] [--profile]\n\n"
            + "Runs the benchmark workloads (fp32, 2 threads) on the engine, TF-Java graph and eager mode, libtorch\n"
            + "and raw ND4J, each backend in its own JVM, and prints one table with ratios and targets.\n\n"
            + "  --only LIST      workloads: W1 ... W7, CK (a ~1.1 GB TF checkpoint imported vs read raw; written\n"
            + "                   to benchmarks/target and deleted), MIG (migrating ~100k lines of TF-Java vs parsing\n"
            + "                   and resolving them; written to benchmarks/target and deleted), and mem (10,000 W3\n"
            + "                   steps on the engine, memory printed); MIG and mem run only when named. Default: W1-W7, CK\n"
            + "  --backends LIST  backends: ember, tf-graph, tf-eager, libtorch, nd4j-raw (default: all)\n"
            + "  --iters N        timed iterations per workload (default " + Settings.DEFAULT_ITERS + ")\n"
            + "  --warmup N       untimed iterations first (default " + Settings.DEFAULT_WARMUP + ")\n"
            + "  --json FILE      also write the results as JSON (atomically)\n"
            + "  --profile        instead: W4's and W6's kernels one by one on the engine and on TF graph mode,\n"
            + "                   weighted by calls per step (README 'Where W4/W6 time goes'); honours --iters, --warmup\n";
    }

    /** Parses the values of the options (each may be null for its default). */
    public static BenchOptions of(String only, String backends, Integer iters, Integer warmup, String json) {
        List<Peer> peers = new ArrayList<>();
        if (backends == null || backends.isBlank()) {
            peers.addAll(Arrays.asList(Peer.EMBER, Peer.ND4J_RAW, Peer.TF_GRAPH, Peer.TF_EAGER, Peer.LIBTORCH));
        } else {
            for (String b : backends.split(",")) {
                peers.add(Peer.of(b.trim()));
            }
        }
        Settings s = new Settings(warmup == null ? Settings.DEFAULT_WARMUP : warmup,
                iters == null ? Settings.DEFAULT_ITERS : iters);
        return new BenchOptions(Workload.select(only), List.copyOf(peers), s, json == null ? null : Path.of(json));
    }
}
