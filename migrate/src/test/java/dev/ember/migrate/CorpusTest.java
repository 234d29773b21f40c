package dev.ember.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.migrate.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus ({@code src/test/resources/corpus/<program>/}): each TF-Java program migrated at the
 * eager level with {@code --emit-parity-tests}: the migrated main sources compile against the engine
 * and tfcompat, the programs listed with parity tests were converted (run sites converted, no TODO)
 * and got their test files, the others stay at compat with a TODO, and migrating the output again
 * changes nothing. (The generated parity tests run on real TF in the parity-tests module.)
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachProgramCompilesAndASecondMigrationChangesNothing() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            programs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(programs).as("the issue asks for at least 15 corpus programs").hasSizeGreaterThanOrEqualTo(15);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path program) throws IOException {
        Path work = tmp.resolve(program.getFileName().toString());
        Path out = work.resolve("out");
        Report first = migrate(program, out);
        boolean converts = Files.exists(program.resolve("expected-parity-tests.txt"));
        String md = first.toMarkdown();
        if (converts) {
            assertThat(md).as(md).contains(" 0 with TODOs");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) of (\\d+) run sites").matcher(md);
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).as("run sites converted").isEqualTo(m.group(2)).isNotEqualTo("0");
            assertThat(files(out.resolve("src/test/java")).keySet()).as("generated parity test files")
                    .anyMatch(f -> f.endsWith("ParityTest.java")).anyMatch(f -> f.endsWith("Original.java"));
        } else {
            assertThat(md).as(md).contains("1 with TODOs");
            assertThat(Files.exists(out.resolve("src/test/java"))).isFalse();
        }
        compile(out.resolve("src/main/java"), work.resolve("classes"));

        Path again = work.resolve("again");
        Report second = migrate(out, again);
        assertThat(files(again)).as("a second migration of %s changes nothing", program.getFileName())
                .isEqualTo(files(out));
        assertThat(second.toMarkdown()).contains("scanned, 0 rewritten");
    }

    private static Report migrate(Path in, Path out) throws IOException {
        return new Migrator(MigrateOptions.of(in, out).withLevel(Level.EAGER).withParityTests(true), null, p -> { }).run();
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return m;
    }

    private static void compile(Path sources, Path classes) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        args.addAll(files);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, args.toArray(new String[0]));
        assertThat(rc).as("the eager output of %s compiles:%n%s", sources, err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
