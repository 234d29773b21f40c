package dev.ember.cli;

import dev.ember.bench.BenchOptions;
import dev.ember.bench.BenchRunner;
import java.io.PrintStream;
import java.util.Set;

/** {@code ember bench}: the benchmark workloads on the engine and its peers, one table (module {@code benchmarks}). */
final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmark the engine beside TF-Java, libtorch and raw ND4J (ember bench --help)";
    }

    @Override
    public String usage() {
        return BenchOptions.usage();
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("only", "backends", "iters", "warmup", "json");
    }

    @Override
    public Set<String> switches() {
        return Set.of("profile");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        if (!args.positionals().isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + args.positionals().get(0) + "'");
        }
        if (args.has("profile")) {
            dev.ember.bench.Settings s;
            try {
                s = new dev.ember.bench.Settings(args.getInt("warmup", dev.ember.bench.Settings.DEFAULT_WARMUP),
                        args.getInt("iters", dev.ember.bench.Settings.DEFAULT_ITERS));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
            return dev.ember.bench.Profile.run(s, out, err);
        }
        BenchOptions o;
        try {
            o = BenchOptions.of(args.get("only", null), args.get("backends", null),
                    args.has("iters") ? args.getInt("iters", 0) : null,
                    args.has("warmup") ? args.getInt("warmup", 0) : null, args.get("json", null));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        return BenchRunner.run(o, out, err);
    }
}
