package dev.ember.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ember.migrate.report.FileReport;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import dev.ember.migrate.rules.compat.LegacyApi;
import dev.ember.migrate.source.JavaParsing;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One fixture folder per rule: {@code rules/<rule id>/<case>.before.java.txt} and, when the rule
 * changes it, {@code <case>.after.java.txt}. Each case: the rule's output equals "after" byte for
 * byte (or "before" when there is no "after"), a second run changes nothing, "before" compiles
 * against TF-Java (TF 1.x API texts: against libtensorflow 1.15) and "after" compiles against tfcompat
 * and the engine. An optional
 * {@code <case>.findings.txt} lists texts the findings must contain ({@code SEVERITY rule message}),
 * one per line; a line starting with {@code !} must match none.
 */
class RuleFixtureTest {

    @TestFactory
    Stream<DynamicTest> everyRuleFixture() throws Exception {
        Path root = Path.of(RuleFixtureTest.class.getResource("/rules").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        List<Rule> all = new ArrayList<>(Rules.forLevel(Level.EAGER));
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                String id = dir.getFileName().toString();
                Rule rule = all.stream().filter(r -> r.id().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError("fixture folder " + id + " names no rule"));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path before : files.filter(f -> f.toString().endsWith(".before.java.txt")).sorted().toList()) {
                        String name = before.getFileName().toString().replace(".before.java.txt", "");
                        tests.add(DynamicTest.dynamicTest(id + "/" + name, () -> check(rule, before)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void everyRuleHasAFixtureFolder() throws URISyntaxException, IOException {
        Path root = Path.of(RuleFixtureTest.class.getResource("/rules").toURI());
        for (Rule r : Rules.forLevel(Level.EAGER)) {
            assertThat(root.resolve(r.id())).as("fixture folder for rule " + r.id()).isDirectory();
        }
    }

    private static void check(Rule rule, Path beforeFile) throws IOException {
        String before = Files.readString(beforeFile);
        Path afterFile = beforeFile.resolveSibling(beforeFile.getFileName().toString().replace(".before.", ".after."));
        String expected = Files.exists(afterFile) ? Files.readString(afterFile) : before;
        FileReport report = new FileReport("Fixture.java");
        String once = apply(rule, before, report);
        assertThat(once).as("%s applied to %s", rule.id(), beforeFile.getFileName()).isEqualTo(expected);
        assertThat(apply(rule, once)).as("%s applied twice changes nothing", rule.id()).isEqualTo(once);
        compiles("before", before);
        compiles("after", once);
        Path findings = beforeFile.resolveSibling(beforeFile.getFileName().toString().replace(".before.java.txt",
                ".findings.txt"));
        if (Files.exists(findings)) {
            List<String> got = report.findings().stream().map(f -> f.severity() + " " + f.rule() + " " + f.message())
                    .toList();
            for (String line : Files.readAllLines(findings)) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("!")) {
                    assertThat(got).as("findings of %s", beforeFile.getFileName())
                            .noneMatch(g -> g.contains(line.substring(1)));
                } else {
                    assertThat(got).as("findings of %s", beforeFile.getFileName()).anyMatch(g -> g.contains(line));
                }
            }
        }
    }

    static String apply(Rule rule, String source) {
        return apply(rule, source, new FileReport("Fixture.java"));
    }

    static String apply(Rule rule, String source, FileReport report) {
        JavaParser parser = JavaParsing.parser(Set.of());
        ParseResult<CompilationUnit> r = parser.parse(source);
        assertThat(r.isSuccessful()).as("fixture parses: %s", r.getProblems()).isTrue();
        CompilationUnit cu = r.getResult().orElseThrow();
        LexicalPreservingPrinter.setup(cu);
        RuleContext ctx = new RuleContext(report);
        ctx.rule(rule.id());
        rule.apply(cu, ctx);
        return ctx.takeReplacement().orElseGet(() -> LexicalPreservingPrinter.print(cu));
    }

    /**
     * Compiles {@code source} with javac against the test classpath (TF-Java, tfcompat, engine), or, for a
     * text written against the TF 1.x API (see {@link LegacyApi}), against the real libtensorflow 1.15 API jar
     * from the local Maven repository (the test is skipped when it is not there).
     */
    static void compiles(String what, String source) {
        String classpath = System.getProperty("java.class.path");
        ParseResult<CompilationUnit> parsed = new JavaParser().parse(source);
        if (parsed.getResult().map(LegacyApi::isLegacy).orElse(false)) {
            Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "tensorflow", "libtensorflow",
                    "1.15.0", "libtensorflow-1.15.0.jar");
            Assumptions.assumeTrue(Files.isRegularFile(jar), "libtensorflow 1.15 API jar not in the local Maven "
                    + "repository (mvn dependency:get -Dartifact=org.tensorflow:libtensorflow:1.15.0 -Dtransitive=false)");
            classpath = jar.toString();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String className = source.replaceAll("(?s).*?\\bclass\\s+(\\w+).*", "$1");
        JavaFileObject file = new SimpleJavaFileObject(
                java.net.URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Path outDir;
        try {
            outDir = Files.createTempDirectory("ember-fixture-");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        boolean ok = javac.getTask(null, null, diags, List.of("-classpath", classpath, "-d",
                outDir.toString(), "-proc:none"), null, List.of(file)).call();
        assertThat(ok).as("the %s text compiles: %s", what, diags.getDiagnostics()).isTrue();
    }

    static String read(String resource) throws IOException {
        try (var in = RuleFixtureTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
