package dev.ember.migrate.rules;

import com.github.javaparser.ast.CompilationUnit;

/**
 * One rewrite: a TF-Java pattern and what replaces it. Rules mutate the smallest nodes they can
 * (untouched code keeps its formatting, via LexicalPreservingPrinter), must be idempotent (a second
 * run changes nothing), and report what they cannot convert through the {@link RuleContext}.
 * Each rule has a fixture folder {@code src/test/resources/rules/<id>/} of before/after texts.
 */
public interface Rule {
    /** Stable id used in reports, e.g. {@code compat.imports}. */
    String id();

    /** One line for reports and {@code --help}. */
    String summary();

    /** Rewrites {@code cu} in place. */
    void apply(CompilationUnit cu, RuleContext ctx);
}
