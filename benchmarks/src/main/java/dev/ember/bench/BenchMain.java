package dev.ember.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java dev.ember.bench.BenchMain [--only W1,W3] [--backends ...] [--iters N] [--warmup N] [--json F]}:
 * the benchmarks without the CLI (what {@code mvn ... -Dbench=...} runs). {@code --profile [--iters N]
 * [--warmup N]} runs {@link Profile} instead: W4's and W6's kernels one by one on the engine and TF.
 */
public final class BenchMain {
    private static final Set<String> VALUED = Set.of("only", "backends", "iters", "warmup", "json");

    private BenchMain() {
    }

    public static void main(String[] argv) {
        // "mvn ... -Dbench" with no value passes the word "true": it means every default.
        String[] args = argv.length == 1 && argv[0].equals("true") ? new String[0] : argv;
        if (args.length == 4 && args[0].equals("--profile-child")) {
            try {
                Profile.child(args[1], new Settings(Integer.parseInt(args[2]), Integer.parseInt(args[3])));
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);   // native thread pools (TF, OpenMP) can keep a JVM alive
        }
        Map<String, String> opts = new HashMap<>();
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--profile")) {
                profile = true;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            String name = a.startsWith("--") ? a.substring(2) : a;
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!a.startsWith("--") || !VALUED.contains(name)) {
                System.err.println("bench: unknown argument '" + a + "'\n\n" + BenchOptions.USAGE);
                System.exit(2);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    System.err.println("bench: option --" + name + " needs a value");
                    System.exit(2);
                }
                value = args[++i];
            }
            opts.put(name, value);
        }
        if (profile) {
            Settings s = new Settings(opts.containsKey("warmup") ? Integer.parseInt(opts.get("warmup")) : Settings.DEFAULT_WARMUP,
                    opts.containsKey("iters") ? Integer.parseInt(opts.get("iters")) : Settings.DEFAULT_ITERS);
            System.exit(Profile.run(s, System.out, System.err));
        }
        BenchOptions o;
        try {
            o = BenchOptions.of(opts.get("only"), opts.get("backends"), integer(opts, "iters"), integer(opts, "warmup"),
                    opts.get("json"));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(BenchRunner.run(o, System.out, System.err));
    }

    private static Integer integer(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " expects an integer, got '" + v + "'");
        }
    }
}
