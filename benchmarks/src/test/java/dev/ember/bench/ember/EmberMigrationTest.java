package dev.ember.bench.ember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIG's tree generation and baseline: fast checks only (one copy of the programs), no benchmark run. */
class EmberMigrationTest {

    @Test
    void relocateMovesOnlyThePackageDeclaration() {
        String src = "// header\npackage corpus.linear;\n\nimport java.util.List;\n\nclass A { String s = \"package x;\"; }\n";
        assertThat(EmberMigration.relocate(src, "mig.c0007")).isEqualTo(
                "// header\npackage mig.c0007.corpus.linear;\n\nimport java.util.List;\n\nclass A { String s = \"package x;\"; }\n");
        assertThatThrownBy(() -> EmberMigration.relocate("class A {}\n", "mig.c0001"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no package");
    }

    @Test
    void linesCountLikeWcForTerminatedFilesAndTheLastUnterminatedLine() {
        assertThat(EmberMigration.lines("")).isZero();
        assertThat(EmberMigration.lines("a\n\nb\n")).isEqualTo(3);
        assertThat(EmberMigration.lines("a\nb")).isEqualTo(2);
    }

    @Test
    void copiesReachTheTargetWithoutAnExtraCopy() {
        assertThat(EmberMigration.copiesFor(560, 100_000)).isEqualTo(179);   // 178 * 560 = 99,680 < 100,000
        assertThat(EmberMigration.copiesFor(1000, 100_000)).isEqualTo(100);
        assertThat(EmberMigration.copiesFor(100_001, 100_000)).isEqualTo(1);
        assertThatThrownBy(() -> EmberMigration.copiesFor(0, 100_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EmberMigration.prefix(0)).isEqualTo("mig.c0001");
        assertThat(EmberMigration.prefix(178)).isEqualTo("mig.c0179");
    }

    @Test
    void theProgramsAreOnTheClasspathAndLiveWhereTheirPackageSays() {
        List<EmberMigration.Program> programs = EmberMigration.programs();
        assertThat(programs).hasSizeGreaterThanOrEqualTo(10);
        for (EmberMigration.Program p : programs) {
            String pkg = p.text().lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow()
                    .replaceAll("package\\s+|;", "").strip();
            assertThat(p.path()).isEqualTo(pkg.replace('.', '/') + "/" + p.path().substring(p.path().lastIndexOf('/') + 1));
        }
        // all TF-Java programs but the example's data loader
        assertThat(programs.stream().filter(p -> p.text().contains("import org.tensorflow.")).count())
                .isEqualTo(programs.size() - 1);
    }

    @Test
    void generatedCopiesLiveInTheirOwnPackagesAndTheBaselineResolvesTfJava(@TempDir Path dir) throws Exception {
        List<EmberMigration.Program> programs = EmberMigration.programs();
        EmberMigration.Tree t = EmberMigration.generate(dir, programs, 2);
        long perCopy = programs.stream().mapToLong(p -> EmberMigration.lines(p.text())).sum();
        assertThat(t.files()).isEqualTo(2 * programs.size());
        assertThat(t.lines()).isEqualTo(2 * perCopy);
        List<Path> files = EmberMigration.javaFiles(dir);
        assertThat(files).hasSize(t.files());
        long written = 0;
        for (Path f : files) {
            written += Files.readAllLines(f).size();
        }
        assertThat(written).isEqualTo(t.lines());
        Path linear = dir.resolve("src/main/java/mig/c0002/corpus/linearinference/Linear.java");
        assertThat(Files.readString(linear)).startsWith("package mig.c0002.corpus.linearinference;");

        // The baseline really resolves against TF-Java (a solver that failed everywhere would make it too fast).
        EmberMigration.Resolved r = EmberMigration.parseAndResolve(dir);
        assertThat(r.files()).isEqualTo(t.files());
        assertThat(r.nodes()).isGreaterThan(500);
        assertThat(r.failed()).isLessThan(r.nodes() / 5);
    }
}
