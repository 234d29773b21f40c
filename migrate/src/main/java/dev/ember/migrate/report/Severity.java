package dev.ember.migrate.report;

/** How serious a finding is; {@code --fail-on} gates on these. */
public enum Severity {
    /** A note (e.g. a layout decision made). */
    INFO,
    /** Converted, but behaviour may differ (e.g. an op TF1 pruning skipped now runs eagerly). */
    WARNING,
    /** Left at the compat level with a {@code // TODO(ember-migrate)} marker. */
    TODO,
    /** Uses TF-Java API that tfcompat does not provide: the file keeps TF-Java. */
    UNSUPPORTED,
    /** The file could not be processed (parse error, rule failure): copied unchanged. */
    ERROR;

    /** The lower-case name used in reports and {@code --fail-on}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
