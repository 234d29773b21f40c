package dev.ember.migrate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ember.migrate.report.Change;
import dev.ember.migrate.report.FileReport;
import dev.ember.migrate.report.Finding;
import dev.ember.migrate.report.Report;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import dev.ember.migrate.source.JavaParsing;
import dev.ember.migrate.source.SourceText;
import dev.ember.migrate.source.UnifiedDiff;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a migration: every Java file of the input is parsed (with type resolution), the level's rules
 * run in order, and the result is written to the output tree with the package layout kept; other files
 * are copied through. A file that does not parse, or on which a rule fails, is an ERROR finding and is
 * copied unchanged (never half-rewritten); every other file is still migrated.
 */
public final class Migrator {
    private final MigrateOptions options;
    private final PrintStream diffOut;
    private final Consumer<String> progress;

    /**
     * @param diffOut where {@code --diff} prints (null: nowhere)
     * @param progress called with each file's relative path as it is processed (may be a no-op)
     */
    public Migrator(MigrateOptions options, PrintStream diffOut, Consumer<String> progress) {
        this.options = options;
        this.diffOut = diffOut;
        this.progress = progress;
    }

    /** Runs the migration and returns its report (also written to {@code options.report()} when set). */
    public Report run() throws IOException {
        Path input = options.input().toAbsolutePath().normalize();
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("input not found: " + options.input());
        }
        Path out = target(input);
        List<Path> files = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        Path base = Files.isDirectory(input) ? input : input.getParent();
        collect(input, files, others);
        JavaParser parser = JavaParsing.parser(JavaParsing.sourceRoots(files));
        Report report = new Report(options.level().name().toLowerCase(java.util.Locale.ROOT));
        for (Path f : files) {
            String rel = base.relativize(f).toString().replace('\\', '/');
            progress.accept(rel);
            report.add(migrateFile(parser, f, rel, out));
        }
        if (out != null && !options.dryRun()) {
            for (Path o : others) {
                Path dest = out.resolve(base.relativize(o).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(o, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        if (options.report() != null) {
            Path md = options.report();
            Path json = md.resolveSibling(md.getFileName().toString().replaceAll("\\.md$", "") + ".json");
            writeAtomically(md, report.toMarkdown(), java.nio.charset.StandardCharsets.UTF_8);
            writeAtomically(json, report.toJson(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return report;
    }

    /** The output root (null for a dry run), after the safety checks. */
    private Path target(Path input) throws IOException {
        if (options.inPlace()) {
            return Files.isDirectory(input) ? input : input.getParent();
        }
        if (options.out() == null) {
            if (options.dryRun()) {
                return null;
            }
            throw new IllegalArgumentException("--out DIR is required (or --in-place, or --dry-run)");
        }
        Path out = options.out().toAbsolutePath().normalize();
        Path inDir = Files.isDirectory(input) ? input : input.getParent();
        if (out.startsWith(inDir)) {
            throw new IllegalArgumentException("--out " + options.out() + " is inside the input " + options.input()
                    + "; choose a directory outside it");
        }
        if (options.dryRun()) {
            return null;
        }
        if (Files.isDirectory(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent() && !options.force()) {
                    throw new IllegalArgumentException("--out " + options.out() + " is not empty; pass --force to "
                            + "write into it anyway");
                }
            }
        } else if (Files.exists(out)) {
            throw new IllegalArgumentException("--out " + options.out() + " is a file, not a directory");
        }
        Files.createDirectories(out);
        return out;
    }

    private static void collect(Path input, List<Path> java, List<Path> others) throws IOException {
        if (Files.isRegularFile(input)) {
            (input.toString().endsWith(".java") ? java : others).add(input);
            return;
        }
        Files.walkFileTree(input, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                // Build output and VCS metadata are not sources.
                return !dir.equals(input) && (n.equals(".git") || n.equals("target") || n.equals("build"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                (file.toString().endsWith(".java") ? java : others).add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        java.sort(null);
        others.sort(null);
    }

    private FileReport migrateFile(JavaParser parser, Path file, String rel, Path out) throws IOException {
        FileReport fr = new FileReport(rel);
        Charset cs = SourceText.charsetOf(file);
        String original = SourceText.read(file, cs);
        if (!cs.equals(java.nio.charset.StandardCharsets.UTF_8)) {
            fr.add(new Finding(1, 1, Severity.INFO, "read", "not valid UTF-8; read and written as " + cs.name(), ""));
        }
        String result = original;
        List<RuleContext.GeneratedTest> generated = new ArrayList<>();
        ParseResult<CompilationUnit> parsed = parser.parse(original);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            String problem = parsed.getProblems().isEmpty() ? "unknown parse error" : parsed.getProblems().get(0).getVerboseMessage();
            int line = parsed.getProblems().isEmpty() ? 1 : parsed.getProblems().get(0).getLocation()
                    .flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
            fr.add(new Finding(line, 1, Severity.ERROR, "parse", "the file does not parse: " + oneLine(problem),
                    "fix the syntax error; the file was copied unchanged"));
        } else if (original.contains(RuleContext.KEEP_MARKER)) {
            fr.add(new Finding(1, 1, Severity.INFO, "keep", "copied unchanged: " + RuleContext.KEEP_MARKER, ""));
        } else {
            result = applyRules(parser, parsed.getResult().get(), original, fr, generated);
        }
        fr.rewritten(!result.equals(original));
        if (options.diff() && diffOut != null && fr.rewritten()) {
            diffOut.print(UnifiedDiff.of(rel, original, result));
        }
        if (out != null && !options.dryRun()) {
            Path dest = out.resolve(rel);
            if (!options.inPlace() || fr.rewritten()) {
                writeAtomically(dest, result, cs);
            }
            for (RuleContext.GeneratedTest g : generated) {
                Path t = testRoot(out, rel).resolve(g.pkg().replace('.', '/')).resolve(g.simpleName() + ".java");
                writeAtomically(t, g.text(), java.nio.charset.StandardCharsets.UTF_8);
                fr.add(new Finding(1, 1, Severity.INFO, "parity-tests", "wrote " + out.relativize(t).toString()
                        .replace('\\', '/'), "run the output project's tests with engine, tfcompat, parity-tests and "
                        + "TF-Java (with its natives) on the classpath"));
            }
        }
        return fr;
    }

    /**
     * The test source root for generated tests of the file at {@code rel}: its Maven sibling
     * {@code src/test/java} when it lives under {@code src/main/java}, else {@code src/test/java} of the output.
     */
    static Path testRoot(Path out, String rel) {
        int at = rel.indexOf("src/main/java/");
        return at >= 0 ? out.resolve(rel.substring(0, at) + "src/test/java") : out.resolve("src/test/java");
    }

    /** Applies the rules one by one; a failing rule leaves the file as it was before any rule. */
    private String applyRules(JavaParser parser, CompilationUnit parsed, String original, FileReport fr,
            List<RuleContext.GeneratedTest> generated) {
        CompilationUnit cu = parsed;
        LexicalPreservingPrinter.setup(cu);
        RuleContext ctx = new RuleContext(fr).parityTests(options.emitParityTests());
        String current = original;
        List<Change> changes = new ArrayList<>();
        for (Rule rule : Rules.forLevel(options.level())) {
            ctx.rule(rule.id());
            try {
                rule.apply(cu, ctx);
            } catch (RuntimeException e) {
                fr.add(new Finding(1, 1, Severity.ERROR, rule.id(), "rule failed: " + e.getClass().getSimpleName() + ": "
                        + oneLine(String.valueOf(e.getMessage())), "the file was copied unchanged; please report this"));
                return original;
            }
            String next = LexicalPreservingPrinter.print(cu);
            java.util.Optional<String> replaced = ctx.takeReplacement();
            if (replaced.isPresent()) {
                next = replaced.get();
                try {
                    cu = reparse(parser, next);
                } catch (IllegalStateException e) {
                    fr.add(new Finding(1, 1, Severity.ERROR, rule.id(), "rule failed: " + oneLine(e.getMessage()),
                            "the file was copied unchanged; please report this"));
                    return original;
                }
            }
            for (int[] r : UnifiedDiff.regions(current, next)) {
                changes.add(new Change(rule.id(), r[0], r[1], r[2], r[3]));
            }
            current = next;
        }
        generated.addAll(ctx.generatedTests());
        changes.forEach(fr::add);
        return current;
    }

    /** Parses a rule's rewritten text for the next rules (with type resolution, lexical preservation). */
    public static CompilationUnit reparse(JavaParser parser, String text) {
        ParseResult<CompilationUnit> r = parser.parse(text);
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            throw new IllegalStateException("the rewritten text does not parse: " + r.getProblems());
        }
        CompilationUnit cu = r.getResult().get();
        LexicalPreservingPrinter.setup(cu);
        return cu;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').strip();
    }

    /** Writes via a temp file in the same directory and an atomic rename. */
    static void writeAtomically(Path dest, String text, Charset cs) throws IOException {
        Files.createDirectories(dest.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(dest.toAbsolutePath().getParent(), ".ember-", ".tmp");
        try {
            Files.writeString(tmp, text, cs);
            try {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
