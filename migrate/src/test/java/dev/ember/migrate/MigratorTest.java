package dev.ember.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.io.Json;
import dev.ember.migrate.report.Report;
import dev.ember.migrate.report.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
    @TempDir
    Path tmp;
    private Path in;

    @BeforeEach
    void project() throws Exception {
        in = tmp.resolve("project");
        Path pkg = in.resolve("src/main/java/com/acme");
        Files.createDirectories(pkg);
        Files.writeString(pkg.resolve("Linear.java"), "package com.acme;\n"
                + RuleFixtureTest.read("/rules/compat.imports/basic.before.java.txt"));
        Files.writeString(pkg.resolve("Broken.java"), "package com.acme;\nclass Broken { void f( { }\n");
        Files.writeString(pkg.resolve("Plain.java"), "package com.acme;\nclass Plain {}\n");
        Files.writeString(in.resolve("pom.xml"), "<project/>\n");
        Files.writeString(in.resolve("src/main/resources.txt"), "data\n");
    }

    private Report migrate(MigrateOptions o) throws Exception {
        return new Migrator(o, null, p -> { }).run();
    }

    @Test
    void migratesKeepsLayoutCopiesOtherFilesAndReports() throws Exception {
        Path out = tmp.resolve("out");
        Report r = migrate(MigrateOptions.of(in, out).withLevel(Level.COMPAT).withReport(tmp.resolve("report.md")));
        String linear = Files.readString(out.resolve("src/main/java/com/acme/Linear.java"));
        assertThat(linear).contains("import dev.ember.tfcompat.Session;").contains("// fetched value");
        assertThat(out.resolve("pom.xml")).hasContent("<project/>");
        assertThat(out.resolve("src/main/resources.txt")).exists();
        assertThat(Files.readString(out.resolve("src/main/java/com/acme/Broken.java")))
                .as("a file that does not parse is copied unchanged").contains("void f( {");
        Map<String, Object> totals = r.totals();
        assertThat(totals).containsEntry("files_scanned", 3).containsEntry("files_rewritten", 1L)
                .containsEntry("errors", 1L);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(tmp.resolve("report.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> jsonTotals = (Map<String, Object>) json.get("totals");
        assertThat(jsonTotals).containsKeys("files_scanned", "files_rewritten", "files_unchanged",
                "run_sites", "run_sites_converted", "todos", "errors");
        List<?> files = (List<?>) json.get("files");
        assertThat(files).hasSize(3);
        String md = Files.readString(tmp.resolve("report.md"));
        assertThat(md).contains("compat.imports").contains("Broken.java:2:").contains("ERROR parse");
    }

    @Test
    void aSecondMigrationOfTheOutputChangesNothing() throws Exception {
        Path out1 = tmp.resolve("out1");
        Path out2 = tmp.resolve("out2");
        migrate(MigrateOptions.of(in, out1).withLevel(Level.COMPAT));
        Report second = migrate(MigrateOptions.of(out1, out2).withLevel(Level.COMPAT));
        assertThat(second.totals()).containsEntry("files_rewritten", 0L);
        assertThat(Files.readString(out2.resolve("src/main/java/com/acme/Linear.java")))
                .isEqualTo(Files.readString(out1.resolve("src/main/java/com/acme/Linear.java")));
    }

    @Test
    void dryRunPrintsADiffAndWritesNothing() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Path out = tmp.resolve("never");
        new Migrator(MigrateOptions.of(in, out).withLevel(Level.COMPAT).withDryRun(true, true),
                new PrintStream(buf, true, StandardCharsets.UTF_8), p -> { }).run();
        String diff = buf.toString(StandardCharsets.UTF_8);
        assertThat(diff).contains("--- a/src/main/java/com/acme/Linear.java")
                .contains("-import org.tensorflow.Session;").contains("+import dev.ember.tfcompat.Session;");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesUnsafeOutputs() throws Exception {
        assertThatThrownBy(() -> migrate(MigrateOptions.of(in, in.resolve("migrated"))))
                .hasMessageContaining("is inside the input");
        Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("x"), "x");
        assertThatThrownBy(() -> migrate(MigrateOptions.of(in, busy))).hasMessageContaining("is not empty")
                .hasMessageContaining("--force");
        migrate(MigrateOptions.of(in, busy).withForce(true).withLevel(Level.COMPAT));
        assertThat(busy.resolve("pom.xml")).exists();
        assertThatThrownBy(() -> migrate(MigrateOptions.of(tmp.resolve("nope"), tmp.resolve("o"))))
                .hasMessageContaining("input not found");
    }

    @Test
    void inPlaceRewritesOnlyChangedFiles() throws Exception {
        Path plain = in.resolve("src/main/java/com/acme/Plain.java");
        long stamp = Files.getLastModifiedTime(plain).toMillis();
        Thread.sleep(20);
        migrate(MigrateOptions.of(in, null).withInPlace(true).withLevel(Level.COMPAT));
        assertThat(Files.readString(in.resolve("src/main/java/com/acme/Linear.java"))).contains("dev.ember.tfcompat");
        assertThat(Files.getLastModifiedTime(plain).toMillis()).isEqualTo(stamp);
    }

    @Test
    void unsupportedApiIsReportedAndTheFileKeepsTensorFlow() throws Exception {
        Path src = tmp.resolve("audio");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Audio.java"), RuleFixtureTest.read("/rules/compat.imports/unsupported.before.java.txt"));
        Report r = migrate(MigrateOptions.of(src, tmp.resolve("audio-out")).withLevel(Level.COMPAT));
        assertThat(r.files().get(0).findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.UNSUPPORTED);
            assertThat(f.message()).contains("field op.Ops.audio");
            assertThat(f.line()).isEqualTo(11);
        });
        assertThat(r.files().get(0).rewritten()).isFalse();
    }

    @Test
    void nonUtf8FilesAreReadAndWrittenInTheirEncoding() throws Exception {
        Path src = tmp.resolve("latin");
        Files.createDirectories(src);
        byte[] text = "// caf\u00e9\nimport org.tensorflow.Graph;\nclass L { Graph g; }\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(src.resolve("L.java"), text);
        Report r = migrate(MigrateOptions.of(src, tmp.resolve("latin-out")).withLevel(Level.COMPAT));
        byte[] out = Files.readAllBytes(tmp.resolve("latin-out/L.java"));
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).startsWith("// caf\u00e9\nimport dev.ember.tfcompat.Graph;");
        assertThat(r.files().get(0).findings()).anySatisfy(f -> assertThat(f.message()).contains("ISO-8859-1"));
    }

    @Test
    void failOnSeveritiesAreKept() {
        assertThat(MigrateOptions.of(in, null).withFailOn(Set.of(Severity.TODO)).failOn()).containsExactly(Severity.TODO);
    }
}
