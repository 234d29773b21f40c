package dev.ember.migrate.report;

/**
 * One rewrite a rule made in a file: the line ranges it replaced (in the text before the rule ran)
 * and produced (in the text after). Ranges are 1-based and inclusive; an empty side has
 * {@code end = start - 1} (a pure insertion or deletion).
 */
public record Change(String rule, int lineBefore, int endBefore, int lineAfter, int endAfter) {
}
