/**
 * The migrator: a JavaParser rewriter that turns TF-Java graph/session sources into eager engine
 * code, rule by rule, with a report of every change and of everything it could not convert.
 *
 * <p>Status: not yet implemented (issue "migrate"); this package marks where it will live.
 */
package dev.ember.migrate;
