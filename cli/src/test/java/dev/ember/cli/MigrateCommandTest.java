package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path source(String name, String text) throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve(name), text);
        return src;
    }

    @Test
    void migratesAndPrintsTheSummaryLine() throws Exception {
        Path src = source("G.java", "import org.tensorflow.Graph;\nclass G { Graph g = new Graph(); }\n");
        assertThat(run("migrate", src.toString(), "--out", tmp.resolve("out").toString(), "--report",
                tmp.resolve("r.md").toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 files scanned, 1 rewritten");
        assertThat(Files.readString(tmp.resolve("out/G.java"))).contains("import dev.ember.tfcompat.Graph;");
        assertThat(tmp.resolve("r.json")).exists();
    }

    @Test
    void failOnIsABuildGate() throws Exception {
        Path src = source("Bad.java", "class Bad { void f( }\n");
        assertThat(run("migrate", src.toString(), "--dry-run", "--fail-on", "error")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Bad.java:1:").contains("ERROR parse")
                .contains("matched --fail-on");
        assertThat(run("migrate", src.toString(), "--dry-run")).isZero();
    }

    @Test
    void usageErrors() throws Exception {
        Path src = source("G.java", "class G {}\n");
        assertThat(run("migrate", src.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing --out");
        assertThat(run("migrate", src.toString(), "--out", src.resolve("inside").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is inside the input");
        assertThat(run("migrate", src.toString(), "--dry-run", "--level", "graph")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--level must be compat or eager");
        assertThat(run("migrate", src.toString(), "--dry-run", "--fail-on", "nope")).isEqualTo(2);
        assertThat(run("migrate", tmp.resolve("missing").toString(), "--dry-run")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SRC not found");
    }
}
