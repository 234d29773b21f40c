package dev.ember.parity.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.migrate.Level;
import dev.ember.migrate.MigrateOptions;
import dev.ember.migrate.Migrator;
import dev.ember.migrate.report.Report;
import dev.ember.parity.MigratedProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end: {@code ember migrate <program> --level eager --emit-parity-tests} on the
 * built-in example and on each program of the migrate corpus, the output (main and the generated test
 * tree) compiled against engine + tfcompat + parity-tests + TF-Java, and the generated parity tests run:
 * the original graph on the real TF runtime against the migrated module on the engine. For the example,
 * the migrated program also trains (a short run on the synthetic data) and saves its state_dict.
 */
class MigratedProgramsParityTest {
    static final Path EXAMPLE = Path.of("../examples/tf-java-classic");
    static final Path CORPUS = Path.of("../migrate/src/test/resources/corpus");

    @TempDir
    Path tmp;

    @Test
    void theBuiltInExampleMigratesTrainsAndMatchesTheOriginalOnRealTf() throws Exception {
        Path out = tmp.resolve("out");
        Report report = migrate(EXAMPLE, out);
        assertThat(report.toMarkdown()).contains("2 of 2 run sites converted").contains("0 with TODOs");
        Path classes = compile(out, tmp.resolve("classes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            List<String> ran = runParityTests(loader, out);
            assertThat(ran).contains("FashionCnnParityTest.lossGradientsMatchTensorFlow",
                    "FashionCnnParityTest.predictedMatchesTensorFlow");

            // the migrated program itself: two short epochs on the synthetic set, loss going down, a state_dict saved
            Path ckpt = tmp.resolve("ckpt/model.ckpt");
            String printed = captureOut(() -> invokeMain(loader, "com.example.classic.FashionCnn",
                    "2", "256", ckpt.toString(), tmp.resolve("no-dataset").toString()));
            Matcher m = Pattern.compile("epoch (\\d): mean training loss ([0-9.]+)").matcher(printed);
            List<Double> losses = new ArrayList<>();
            while (m.find()) {
                losses.add(Double.parseDouble(m.group(2)));
            }
            assertThat(losses).as(printed).hasSize(2);
            assertThat(losses.get(1)).as("the migrated program trains: %s", printed).isLessThan(losses.get(0));
            assertThat(printed).contains("test accuracy:");
            assertThat(Files.size(Path.of(ckpt + ".safetensors"))).isGreaterThan(1000);
        }
    }

    /** Each corpus program: migrated, compiled with its generated tests, and every generated parity test passes. */
    @TestFactory
    Stream<DynamicTest> corpusProgramsMatchTheirOriginalsOnRealTf() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            programs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(programs).as("the issue asks for at least 15 corpus programs").hasSizeGreaterThanOrEqualTo(15);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Path work = tmp.resolve(p.getFileName().toString());
            Path out = work.resolve("out");
            migrate(p, out);
            Path classes = compile(out, work.resolve("classes"));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    getClass().getClassLoader())) {
                List<String> ran = runParityTests(loader, out);
                List<String> expected = expectedTests(p);
                assertThat(ran).as("generated parity tests of %s", p.getFileName()).containsExactlyInAnyOrderElementsOf(
                        expected);
            }
        }));
    }

    /**
     * The optimizer mapping over several steps: TF-Java's Nesterov {@code Momentum.minimize} becomes the engine's
     * {@code SGD(...).momentum(m).nesterov(true)}. The migrated {@code train(8)} and the kept original (real TF)
     * return their 8 per-epoch losses; each step's loss depends on every earlier update, so equal curves mean
     * equal updates. (A one-layer model: no update can race with another variable's backward pass.)
     */
    @Test
    void momentumTrainingFollowsTheOriginalStepByStep() throws Exception {
        Path out = tmp.resolve("momentum");
        migrate(CORPUS.resolve("momentum-classifier"), out);
        Path classes = compile(out, tmp.resolve("momentum-classes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            String cls = "corpus.momentumclassifier.MomentumClassifier";
            float[] engine = (float[]) Class.forName(cls, true, loader).getMethod("train", int.class).invoke(null, 8);
            float[] tf = (float[]) Class.forName(cls + "Original", true, loader).getMethod("train", int.class)
                    .invoke(null, 8);
            assertThat(engine).hasSize(8);
            for (int i = 0; i < tf.length; i++) {
                assertThat(engine[i]).as("loss of epoch %d: engine %s, TF %s", i, java.util.Arrays.toString(engine),
                        java.util.Arrays.toString(tf)).isCloseTo(tf[i], org.assertj.core.data.Offset.offset(
                                1e-5f + 1e-4f * Math.abs(tf[i])));
            }
            assertThat(tf[7]).as("the program trains").isLessThan(tf[0]);
        }
    }

    /** A TF 1.x API program (opBuilder, Tensors.create, string feeds) runs on tfcompat.legacy after the compat migration. */
    @Test
    void theLegacyApiProgramRunsOnTfcompatLegacy() throws Exception {
        Path out = tmp.resolve("legacy");
        Report report = migrate(CORPUS.resolve("legacy-string-named"), out);
        assertThat(report.toMarkdown()).contains("compat.legacy-imports").contains("1 with TODOs");
        Path classes = compile(out, tmp.resolve("legacy-classes"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Object scaled = Class.forName("corpus.legacystringnamed.LegacyScaler", true, loader)
                    .getMethod("scale", float[].class, float.class).invoke(null, new float[] {1f, -2f, 3.5f}, 2f);
            assertThat((float[]) scaled).containsExactly(2f, -4f, 7f);
        }
    }

    /** {@code expected-parity-tests.txt} of a corpus program: Class.method per line (none: it stays at compat). */
    private static List<String> expectedTests(Path program) throws IOException {
        Path f = program.resolve("expected-parity-tests.txt");
        if (!Files.exists(f)) {
            return List.of();
        }
        return Files.readAllLines(f).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static Report migrate(Path in, Path out) throws IOException {
        return new Migrator(MigrateOptions.of(in, out).withLevel(Level.EAGER).withParityTests(true), null, p -> { }).run();
    }

    /** javac over every .java file of the output, against this test's classpath ({@link MigratedProject#compile}). */
    static Path compile(Path out, Path classes) {
        MigratedProject.compile(List.of(out), classes, System.getProperty("java.class.path"));
        return classes;
    }

    /** Runs the generated {@code *ParityTest} methods ({@link MigratedProject#runParityTests}); Class.method of each, failing on the first failure. */
    static List<String> runParityTests(ClassLoader loader, Path out) {
        List<String> ran = new ArrayList<>();
        for (MigratedProject.TestOutcome o : MigratedProject.runParityTests(loader, out)) {
            if (!o.passed()) {
                throw new AssertionError(o.name() + " failed: " + o.failure(), o.failure());
            }
            ran.add(o.name());
        }
        return ran;
    }

    private static void invokeMain(ClassLoader loader, String cls, String... args) {
        try {
            Class.forName(cls, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(cls + ".main failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String captureOut(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
