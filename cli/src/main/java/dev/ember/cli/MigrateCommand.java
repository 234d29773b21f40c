package dev.ember.cli;

import dev.ember.engine.util.ProgressBar;
import dev.ember.migrate.Level;
import dev.ember.migrate.MigrateOptions;
import dev.ember.migrate.Migrator;
import dev.ember.migrate.report.FileReport;
import dev.ember.migrate.report.Finding;
import dev.ember.migrate.report.Report;
import dev.ember.migrate.report.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** {@code ember migrate}: TF-Java sources to tfcompat / engine code, with a report. */
final class MigrateCommand implements Command {

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String summary() {
        return "rewrite TF-Java sources (a directory or file) and report every change and everything left over";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: ember migrate SRC --out DIR [options]",
                "",
                "SRC is a source directory (the package layout is kept) or one .java file. Other files are copied",
                "through; .git/, target/ and build/ are skipped. The input is never modified unless --in-place.",
                "",
                "options:",
                "  --out DIR           where the migrated tree goes (must be outside SRC; empty unless --force)",
                "  --level eager       (default) graph/session programs become engine code a PyTorch user writes:",
                "                      a Module with the variables as parameters, run sites as method calls,",
                "                      zeroGrad()/backward()/step(); what cannot be converted with the same",
                "                      numbers stays at compat with a TODO(ember-migrate) marker and a report row",
                "  --level compat      imports and types to dev.ember.tfcompat: the program runs unchanged on the",
                "                      engine (files using TF-Java API tfcompat lacks keep TF-Java and are reported)",
                "  --emit-parity-tests for each converted file, a JUnit 5 test in src/test/java comparing the original",
                "                      (kept there as <Class>Original) on real TF with the migrated code on the engine",
                "  --report FILE.md    write the report as FILE.md and FILE.json",
                "  --dry-run           change nothing on disk",
                "  --diff              print a unified diff of every rewritten file",
                "  --in-place          rewrite SRC itself (only changed files are written)",
                "  --fail-on LIST      exit 1 when findings of these severities exist (todo, unsupported, error,",
                "                      warning; comma-separated): a build gate",
                "  --force             write into a non-empty --out",
                "",
                "Exit codes: 0 done, 1 --fail-on matched, 2 usage error.",
                "");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "level", "report", "fail-on");
    }

    @Override
    public Set<String> switches() {
        return Set.of("dry-run", "diff", "in-place", "force", "emit-parity-tests");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.positionals().size() != 1) {
            throw new Args.UsageException("expected exactly one SRC argument, got " + args.positionals());
        }
        Path src = Path.of(args.positionals().get(0));
        if (!Files.exists(src)) {
            throw new Args.UsageException("SRC not found: " + src);
        }
        Level level;
        try {
            level = Level.parse(args.get("level", "eager"));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        boolean inPlace = args.has("in-place");
        String outArg = args.get("out", null);
        if (outArg == null && !inPlace && !args.has("dry-run")) {
            throw new Args.UsageException("missing --out DIR (or --in-place, or --dry-run)");
        }
        if (outArg != null && inPlace) {
            throw new Args.UsageException("--out and --in-place exclude each other");
        }
        MigrateOptions options = MigrateOptions.of(src, outArg == null ? null : Path.of(outArg)).withLevel(level)
                .withReport(args.get("report", null) == null ? null : Path.of(args.get("report", null)))
                .withDryRun(args.has("dry-run"), args.has("diff")).withInPlace(inPlace).withForce(args.has("force"))
                .withParityTests(args.has("emit-parity-tests"))
                .withFailOn(failOn(args.get("fail-on", "")));
        long total = countJava(src);
        Report report;
        try (ProgressBar bar = ProgressBar.builder(total).description("migrate").output(err).build()) {
            try {
                report = new Migrator(options, out, p -> bar.step()).run();
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
        }
        for (FileReport f : report.files()) {
            for (Finding x : f.findings()) {
                if (x.severity() != Severity.INFO) {
                    err.println(x.format(f.path()));
                }
            }
        }
        out.println(report.summaryLine());
        long failing = report.files().stream().flatMap(f -> f.findings().stream())
                .filter(x -> options.failOn().contains(x.severity())).count();
        if (failing > 0) {
            err.println("ember migrate: " + failing + " finding(s) matched --fail-on " + args.get("fail-on", ""));
            return 1;
        }
        return 0;
    }

    private static Set<Severity> failOn(String list) {
        Set<Severity> s = EnumSet.noneOf(Severity.class);
        for (String part : list.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            try {
                s.add(Severity.valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--fail-on: unknown severity '" + part + "' (todo, unsupported, error, "
                        + "warning)");
            }
        }
        return s;
    }

    private static long countJava(Path src) throws IOException {
        if (Files.isRegularFile(src)) {
            return 1;
        }
        try (Stream<Path> s = Files.walk(src)) {
            return s.filter(p -> p.toString().endsWith(".java")).count();
        }
    }
}
