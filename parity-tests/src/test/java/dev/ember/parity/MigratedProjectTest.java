package dev.ember.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling a generated test tree and running its parity tests in-process, results recorded per method. */
class MigratedProjectTest {
    @TempDir
    Path tmp;

    @Test
    void runsEveryTestMethodAndRecordsItsParityResults() throws Exception {
        Path out = tmp.resolve("out");
        Path pkg = Files.createDirectories(out.resolve("src/test/java/p"));
        Files.writeString(pkg.resolve("TwoParityTest.java"), String.join("\n",
                "package p;",
                "import dev.ember.parity.*;",
                "import java.util.Map;",
                "import org.junit.jupiter.api.Test;",
                "class TwoParityTest {",
                "    @Test void passes() {",
                "        ParityResult r = Parity.named(\"vector\").seed(1).input(\"x\", Input.float32(2))",
                "                .tf(in -> Map.of(\"y\", org.tensorflow.types.TFloat32.vectorOf(1f, 2f)))",
                "                .engine(EngineSide.of(in -> Map.of(\"y\", dev.ember.engine.Tensor.of(1f, 2f)))).run();",
                "        if (!r.passed()) throw new AssertionError(r.describe());",
                "    }",
                "    @Test void fails() { throw new AssertionError(\"boom\"); }",
                "    void helper() { }",
                "}", ""));
        Path classes = tmp.resolve("classes");
        assertThat(MigratedProject.compile(List.of(out.resolve("src/main/java"), out.resolve("src/test/java")), classes,
                System.getProperty("java.class.path"))).isEqualTo(1);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            List<MigratedProject.TestOutcome> outcomes = MigratedProject.runParityTests(loader, out);
            assertThat(outcomes).extracting(MigratedProject.TestOutcome::name)
                    .containsExactly("TwoParityTest.fails", "TwoParityTest.passes");
            assertThat(outcomes.get(0).passed()).isFalse();
            assertThat(outcomes.get(0).failure()).hasMessage("boom");
            assertThat(outcomes.get(0).results()).isEmpty();
            assertThat(outcomes.get(1).passed()).isTrue();
            assertThat(outcomes.get(1).results()).singleElement().satisfies(r -> {
                assertThat(r.caseName()).isEqualTo("vector");
                assertThat(r.comparisons()).extracting(TensorComparison::name).containsExactly("y");
            });
        }
        assertThat(MigratedProject.runParityTests(getClass().getClassLoader(), tmp.resolve("no-tests"))).isEmpty();
    }

    @Test
    void aCompileErrorNamesTheFileAndLine() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("Bad.java"), "class Bad {\n  int x = ;\n}\n");
        assertThatThrownBy(() -> MigratedProject.compile(List.of(src), tmp.resolve("classes"),
                System.getProperty("java.class.path")))
                .isInstanceOf(MigratedProject.CompilationException.class)
                .hasMessageContaining("javac failed").hasMessageContaining("Bad.java:2: error");
        assertThatThrownBy(() -> MigratedProject.compile(List.of(tmp.resolve("none")), tmp.resolve("classes"), ""))
                .hasMessageContaining("no .java files under");
    }
}
