package dev.ember.migrate.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.stmt.Statement;
import dev.ember.migrate.report.FileReport;
import dev.ember.migrate.report.Finding;
import dev.ember.migrate.report.Severity;

/** What a rule reports into while rewriting one file. */
public final class RuleContext {
    /** The marker left in code a rule could not convert. */
    public static final String TODO_PREFIX = "TODO(ember-migrate): ";
    /** A file holding this text is copied unchanged by every level (e.g. the original kept for parity tests). */
    public static final String KEEP_MARKER = "ember-migrate: kept original for the parity tests, not migrated";

    private final FileReport report;
    private String rule = "";
    private String replacement;
    private boolean parityTests;

    public RuleContext(FileReport report) {
        this.report = report;
    }

    /** True when {@code --emit-parity-tests} asked for generated parity tests. */
    public boolean parityTests() {
        return parityTests;
    }

    public RuleContext parityTests(boolean emit) {
        this.parityTests = emit;
        return this;
    }

    /** Engine internal: sets the rule findings are attributed to. */
    public void rule(String id) {
        this.rule = id;
    }

    /** Records a finding at {@code at}'s position in the input file (line 1 when unknown). */
    public void finding(Severity severity, Node at, String message, String hint) {
        int line = at == null ? 1 : at.getRange().map(r -> r.begin.line).orElse(1);
        int col = at == null ? 1 : at.getRange().map(r -> r.begin.column).orElse(1);
        report.add(new Finding(line, col, severity, rule, message, hint));
    }

    /**
     * Leaves a {@code // TODO(ember-migrate): reason} comment on the statement enclosing {@code at}
     * (once: a second run finds the marker and adds nothing) and records a TODO finding.
     */
    public void todo(Node at, String reason, String hint) {
        Node stmt = at;
        while (stmt != null && !(stmt instanceof Statement)) {
            stmt = stmt.getParentNode().orElse(null);
        }
        Node target = stmt == null ? at : stmt;
        String text = " " + TODO_PREFIX + reason;
        boolean present = target.getComment().map(c -> c.getContent().contains(TODO_PREFIX)).orElse(false);
        if (!present) {
            target.setComment(new LineComment(text));
        }
        finding(Severity.TODO, at, reason, hint);
    }

    /**
     * Replaces the whole file with {@code text} (for rules that restructure code too much for
     * node-level edits); the migrator re-parses it before the next rule. Untouched code must be
     * kept byte for byte by the rule itself.
     */
    public void replaceSource(String text) {
        this.replacement = text;
    }

    /** The text set by {@link #replaceSource} since the last call, if any (engine internal). */
    public java.util.Optional<String> takeReplacement() {
        java.util.Optional<String> r = java.util.Optional.ofNullable(replacement);
        replacement = null;
        return r;
    }

    /** A source file a rule generates for the output's test tree ({@code src/test/java}, in package {@code pkg}). */
    public record GeneratedTest(String pkg, String simpleName, String text) {
    }

    private final java.util.List<GeneratedTest> generated = new java.util.ArrayList<>();

    /** Adds a generated test-tree source (e.g. a parity test); the migrator writes it next to the outputs. */
    public void generateTest(String pkg, String simpleName, String text) {
        generated.add(new GeneratedTest(pkg, simpleName, text));
    }

    /** The generated test sources so far. */
    public java.util.List<GeneratedTest> generatedTests() {
        return java.util.Collections.unmodifiableList(generated);
    }

    /** The file's report. */
    public FileReport report() {
        return report;
    }
}
