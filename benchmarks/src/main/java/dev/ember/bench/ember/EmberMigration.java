package dev.ember.bench.ember;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.resolution.Resolvable;
import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Workload;
import dev.ember.migrate.MigrateOptions;
import dev.ember.migrate.Migrator;
import dev.ember.migrate.report.Report;
import dev.ember.migrate.source.JavaParsing;
import dev.ember.migrate.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 6's speed target: migrating 100k lines of TF-Java code takes at most 2x JavaParser's parse + resolve
 * time of the same files. The TF-Java programs of {@code migrate}'s corpus and {@code examples/tf-java-classic}
 * (copied into this module's resources, {@code dev/ember/bench/mig/}) are replicated, each copy in a package of
 * its own ({@code mig.c0001.corpus.linearinference}, ...), until the tree has at least {@value #TARGET_LINES}
 * lines, in a temporary folder under {@code benchmarks/target/} deleted at the end (a folder left by a killed
 * run is removed by the next one).
 *
 * <p>{@link Workload#MIG_PARSE}: the baseline, done the way the {@link Migrator} does it: the files collected,
 * the parser built by {@code JavaParsing.parser(JavaParsing.sourceRoots(files))} (JDK reflection, TF-Java's API
 * jars and the tree's own source root: the same symbol solver setup), each file read with {@code SourceText} and
 * parsed, then {@code resolve()} called on every {@link MethodCallExpr}, {@link ObjectCreationExpr} and
 * {@link FieldAccessExpr} of the file. That is the set the compat rule resolves in every file using TF-Java; the
 * eager rules resolve most of them again inside graph programs (calls, constructors, fields), plus a few names and
 * declared types, which resolving the calls that use them mostly covers. Failures are
 * counted, not fatal (the migrator meets the same ones: qualified names parse as field accesses, generic varargs
 * like {@code tf.placeholder} defeat the solver). {@link Workload#MIG_MIGRATE}: {@code new Migrator(options,
 * null, progress).run()} at the default level (eager) into a fresh output folder with the report on
 * ({@code report.md} + {@code report.json}): parse, rules, re-parse after rewrites, compat check, files and
 * report written. The two alternate in every iteration, so load on a shared machine hits both alike. One
 * untimed round, then at most {@value #MAX_ITERS} timed ones (a round takes a minute or more). Rows are lines per
 * second; the printed ratio is migrate time over parse + resolve time.
 */
final class EmberMigration {
    static final String FOLDER_PREFIX = "mig-bench-";
    static final int TARGET_LINES = 100_000;
    static final String RESOURCES = "/dev/ember/bench/mig/";
    /** Timed iterations at most: one round is a minute or more on 2 cores, so {@code --iters 20} would take half an hour. */
    static final int MAX_ITERS = 5;
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    private EmberMigration() {
    }

    /** One program of the resources: its text and its path under a source root ({@code corpus/x/Linear.java}). */
    record Program(String path, String text) {
    }

    /** The generated tree: its source folder, how many Java files and lines, and how many copies of the programs. */
    record Tree(Path root, int files, long lines, int copies, int programs) {
    }

    /** What the baseline resolved: the nodes tried and how many of them the solver could not resolve. */
    record Resolved(int files, long nodes, long failed) {
    }

    /** The programs listed in {@code programs.txt} ({@code resource path} per line, {@code #} comments). */
    static List<Program> programs() {
        List<Program> out = new ArrayList<>();
        for (String line : resource("programs.txt").split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length != 2) {
                throw new IllegalStateException("programs.txt: expected 'resource path', got '" + t + "'");
            }
            out.add(new Program(f[1], resource(f[0])));
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = EmberMigration.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} moved into package {@code prefix.<its package>}; fails when it declares no package. */
    static String relocate(String text, String prefix) {
        Matcher m = PACKAGE.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no package declaration to relocate");
        }
        return text.substring(0, m.start()) + "package " + prefix + "." + m.group(1) + ";" + text.substring(m.end());
    }

    /** Lines as {@code wc -l} counts them for a file ending with a newline (a last unterminated line counts too). */
    static long lines(String text) {
        return text.lines().count();
    }

    /** Copies of a set of {@code linesPerCopy} lines needed to reach at least {@code target} lines. */
    static int copiesFor(long linesPerCopy, long target) {
        if (linesPerCopy <= 0) {
            throw new IllegalArgumentException("linesPerCopy must be > 0, got " + linesPerCopy);
        }
        return (int) ((target + linesPerCopy - 1) / linesPerCopy);
    }

    /** The package prefix of copy {@code i} (0-based): {@code mig.c0001}, ... */
    static String prefix(int i) {
        return String.format(Locale.ROOT, "mig.c%04d", i + 1);
    }

    /** Writes {@code copies} copies of {@code programs} under {@code root/src/main/java}. */
    static Tree generate(Path root, List<Program> programs, int copies) throws IOException {
        Path src = root.resolve("src/main/java");
        int files = 0;
        long lines = 0;
        for (int i = 0; i < copies; i++) {
            String prefix = prefix(i);
            for (Program p : programs) {
                String text = relocate(p.text(), prefix);
                Path f = src.resolve(prefix.replace('.', '/')).resolve(p.path());
                Files.createDirectories(f.getParent());
                Files.writeString(f, text, StandardCharsets.UTF_8);
                files++;
                lines += lines(text);
            }
        }
        return new Tree(root, files, lines, copies, programs.size());
    }

    /** The Java files under {@code root}, sorted (as the migrator collects them). */
    static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /** The baseline: parse every file and resolve every method call, object creation and field access. */
    static Resolved parseAndResolve(Path root) throws IOException {
        List<Path> files = javaFiles(root);
        JavaParser parser = JavaParsing.parser(JavaParsing.sourceRoots(files));
        long nodes = 0;
        long failed = 0;
        for (Path f : files) {
            Charset cs = SourceText.charsetOf(f);
            ParseResult<CompilationUnit> r = parser.parse(SourceText.read(f, cs));
            if (!r.isSuccessful() || r.getResult().isEmpty()) {
                throw new IllegalStateException(f + " does not parse: " + r.getProblems());
            }
            CompilationUnit cu = r.getResult().get();
            List<Resolvable<?>> todo = new ArrayList<>();
            todo.addAll(cu.findAll(MethodCallExpr.class));
            todo.addAll(cu.findAll(ObjectCreationExpr.class));
            todo.addAll(cu.findAll(FieldAccessExpr.class));
            for (Resolvable<?> n : todo) {
                nodes++;
                try {
                    n.resolve();
                } catch (RuntimeException | StackOverflowError e) {
                    failed++;
                }
            }
        }
        return new Resolved(files.size(), nodes, failed);
    }

    /** The migration at the default level (eager) into {@code out}, report on. */
    static Report migrate(Path root, Path out) throws IOException {
        MigrateOptions o = MigrateOptions.of(root, out).withReport(out.resolve("report.md"));
        return new Migrator(o, null, rel -> { }).run();
    }

    /** Both rows of the group, measured together (alternating). */
    static Map<Workload, Measurement> run(Settings s) throws Exception {
        Path parent = EmberCheckpoint.parentDir();
        deleteStale(parent);
        Path dir = Files.createTempDirectory(parent, FOLDER_PREFIX);
        try {
            List<Program> programs = programs();
            long perCopy = programs.stream().mapToLong(p -> lines(p.text())).sum();
            Tree tree = generate(dir.resolve("tf-java"), programs, copiesFor(perCopy, TARGET_LINES));
            System.err.printf(Locale.ROOT, "    wrote %s: %d copies of %d programs (%d lines each copy), %d files, "
                    + "%d lines%n", tree.root(), tree.copies(), tree.programs(), perCopy, tree.files(), tree.lines());
            int iters = Math.min(s.iters(), MAX_ITERS);
            double[][] sec = new double[2][iters];   // seconds per line: parse + resolve, migrate
            Resolved resolved = null;
            Map<String, Object> totals = null;
            // One untimed round, whatever --warmup says (the JIT; TF-Java's jars read into the shared type solver);
            // more would only cost minutes.
            int warmup = 1;
            for (int i = -warmup; i < iters; i++) {
                long a = System.nanoTime();
                Resolved r = parseAndResolve(tree.root());
                long b = System.nanoTime();
                Path out = dir.resolve("out");
                Report rep = migrate(tree.root(), out);
                long c = System.nanoTime();
                totals = check(rep, tree);
                resolved = r;
                EmberCheckpoint.deleteTree(out);
                if (i >= 0) {
                    sec[0][i] = (b - a) / 1e9 / tree.lines();
                    sec[1][i] = (c - b) / 1e9 / tree.lines();
                }
                System.err.printf(Locale.ROOT, "    %s %d: parse+resolve %.1f s, migrate %.1f s (ratio %.2f)%n",
                        i < 0 ? "warm-up" : "iteration", i < 0 ? i + warmup + 1 : i + 1, (b - a) / 1e9, (c - b) / 1e9,
                        (double) (c - b) / (b - a));
            }
            String tail = String.format(Locale.ROOT, "%d lines, %d files (%d copies of %d TF-Java programs)",
                    tree.lines(), tree.files(), tree.copies(), tree.programs());
            Map<Workload, Measurement> out = new EnumMap<>(Workload.class);
            out.put(Workload.MIG_PARSE, new Measurement(sec[0], new double[] {resolved.nodes(), resolved.failed()},
                    String.format(Locale.ROOT, "%s; %d calls/creations/field accesses resolved, %d unresolvable", tail,
                            resolved.nodes() - resolved.failed(), resolved.failed())));
            out.put(Workload.MIG_MIGRATE, new Measurement(sec[1], new double[] {
                ((Number) totals.get("files_rewritten")).doubleValue(),
                ((Number) totals.get("run_sites_converted")).doubleValue()},
                    String.format(Locale.ROOT, "%s; eager: %s of %s files rewritten, %s of %s run sites converted, "
                            + "%s TODOs", tail, totals.get("files_rewritten"), totals.get("files_scanned"),
                            totals.get("run_sites_converted"), totals.get("run_sites"), totals.get("todos"))));
            return out;
        } finally {
            EmberCheckpoint.deleteTree(dir);
        }
    }

    /** Fails unless the migration scanned every file, converted something and had no errors; returns its totals. */
    private static Map<String, Object> check(Report rep, Tree tree) {
        Map<String, Object> t = rep.totals();
        long scanned = ((Number) t.get("files_scanned")).longValue();
        long errors = ((Number) t.get("errors")).longValue();
        long converted = ((Number) t.get("run_sites_converted")).longValue();
        if (scanned != tree.files() || errors != 0 || converted == 0) {
            throw new IllegalStateException("the benchmark migration did not run cleanly: " + rep.summaryLine());
        }
        return t;
    }

    /** Removes folders an earlier, killed run left behind. */
    private static void deleteStale(Path parent) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, FOLDER_PREFIX + "*")) {
            for (Path d : ds) {
                if (Files.isDirectory(d)) {
                    System.err.println("    removing " + d + " (left by an earlier run)");
                    EmberCheckpoint.deleteTree(d);
                }
            }
        }
    }
}
