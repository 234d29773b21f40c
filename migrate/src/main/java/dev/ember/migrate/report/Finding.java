package dev.ember.migrate.report;

/** Something a rule could not convert or wants a human to know, at {@code line:col} of the input file. */
public record Finding(int line, int col, Severity severity, String rule, String message, String hint) {
    /** {@code file:line:col SEVERITY rule message}, the one-line form of reports. */
    public String format(String path) {
        return path + ":" + line + ":" + col + " " + severity.name() + " " + rule + " " + message
                + (hint == null || hint.isEmpty() ? "" : " (hint: " + hint + ")");
    }
}
