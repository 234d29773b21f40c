/**
 * The migrator: a JavaParser rewriter (symbol solver over TF-Java's jars and the project's sources,
 * LexicalPreservingPrinter so untouched code keeps its formatting) that turns TF-Java sources into
 * tfcompat / engine code, rule by rule, with a report of every change and everything left over.
 *
 * <p>{@link dev.ember.migrate.Migrator} walks the input, applies {@link dev.ember.migrate.Rules} for the
 * level, records each rule's changes by diffing the text before and after it, and writes atomically;
 * {@code report} holds the report model (Markdown + JSON); {@code rules} one class per rule, each with
 * a fixture folder under {@code src/test/resources/rules/<rule id>/}. Levels: eager
 * ({@code rules/eager}: graph programs to Modules, then {@code compat.imports} on what is left) and
 * compat ({@code rules/compat}).
 */
package dev.ember.migrate;
