package dev.ember.migrate.scratch;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ember.migrate.Level;
import dev.ember.migrate.Rules;
import dev.ember.migrate.report.FileReport;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import dev.ember.migrate.source.JavaParsing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prints what a rule makes of fixture "before" files (a development aid; not a test). */
class GenFixtures {
    @Test
    void gen() throws Exception {
        String id = System.getProperty("rule", "eager.module");
        Path dir = Path.of("src/test/resources/rules/" + id);
        Rule rule = Rules.forLevel(Level.EAGER).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        String only = System.getProperty("case", "");
        try (var s = Files.list(dir)) {
            for (Path b : s.filter(f -> f.toString().endsWith(".before.java.txt")).sorted().toList()) {
                if (!only.isEmpty() && !b.getFileName().toString().startsWith(only + ".")) {
                    continue;
                }
                JavaParser parser = JavaParsing.parser(Set.of());
                CompilationUnit cu = parser.parse(Files.readString(b)).getResult().orElseThrow();
                LexicalPreservingPrinter.setup(cu);
                FileReport fr = new FileReport(b.getFileName().toString());
                RuleContext ctx = new RuleContext(fr);
                ctx.rule(id);
                rule.apply(cu, ctx);
                String out = ctx.takeReplacement().orElseGet(() -> LexicalPreservingPrinter.print(cu));
                System.out.println("##### " + b.getFileName());
                fr.findings().forEach(f -> System.out.println("# " + f.format(b.getFileName().toString())));
                System.out.println(out);
                if (Boolean.getBoolean("write") && !out.equals(Files.readString(b))) {
                    Files.writeString(b.resolveSibling(b.getFileName().toString().replace(".before.", ".after.")), out);
                }
            }
        }
    }
}
