package dev.ember.migrate.scratch;

import dev.ember.migrate.Level;
import dev.ember.migrate.MigrateOptions;
import dev.ember.migrate.Migrator;
import dev.ember.migrate.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() throws Exception {
        Path in = Path.of(System.getProperty("scratch.in", "../examples/tf-java-classic"));
        Path out = Files.createTempDirectory("scratch");
        Report r = new Migrator(MigrateOptions.of(in, out.resolve("o")).withLevel(Level.EAGER).withParityTests(true), System.out, p -> { }).run();
        System.out.println(r.toMarkdown());
        try (var s = Files.walk(out)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".java")).toList()) {
                System.out.println("=== " + f);
                System.out.println(Files.readString(f));
            }
        }
    }
}
