package dev.ember.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report of parity cases, as Markdown and as one self-contained HTML file (inline CSS and SVG, no
 * script, font or external reference): per case its inputs (with seed and layouts), a table of every
 * compared tensor with failing rows and worst elements highlighted, the per-layer comparison with a
 * log-scale plot of error per layer when intermediates were compared, and divergence curves of
 * training cases. Files are written atomically (temp file, fsync, rename).
 */
public final class ParityReport {
    private final String title;
    private final Map<String, ParityResult> results = new LinkedHashMap<>();
    private final Map<String, List<Double>> curves = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    public ParityReport(String title) {
        this.title = title == null || title.isBlank() ? "Parity report" : title;
    }

    /** Adds a case's result (a later result of the same case replaces it). */
    public ParityReport add(ParityResult result) {
        track(result.caseName());
        results.put(result.caseName(), result);
        return this;
    }

    /** Adds the divergence curve of a training case: the max abs error after each step (step 0 first). */
    public ParityReport addCurve(String caseName, List<Double> maxAbsErrorPerStep) {
        if (caseName == null || caseName.isBlank()) {
            throw new IllegalArgumentException("ParityReport.addCurve: the case name is blank");
        }
        if (maxAbsErrorPerStep == null || maxAbsErrorPerStep.isEmpty()
                || maxAbsErrorPerStep.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("ParityReport.addCurve: case '" + caseName + "' needs a non-empty list "
                    + "of errors without nulls");
        }
        for (double v : maxAbsErrorPerStep) {
            if (v < 0) {
                throw new IllegalArgumentException("ParityReport.addCurve: case '" + caseName + "' has a negative error "
                        + v + "; errors are absolute");
            }
        }
        track(caseName);
        curves.put(caseName, List.copyOf(maxAbsErrorPerStep));
        return this;
    }

    private void track(String name) {
        if (!order.contains(name)) {
            order.add(name);
        }
    }

    /** {@code true} when every added result passes (curves carry no verdict). */
    public boolean passed() {
        return results.values().stream().allMatch(ParityResult::passed);
    }

    public String toMarkdown() {
        return new ReportMarkdown(title, order, results, curves).render();
    }

    public String toHtml() {
        return new ReportHtml(title, order, results, curves).render();
    }

    /** Writes {@link #toMarkdown()} to {@code file} atomically. */
    public void writeMarkdown(Path file) {
        AtomicFiles.writeString(file, toMarkdown());
    }

    /** Writes {@link #toHtml()} to {@code file} atomically. */
    public void writeHtml(Path file) {
        AtomicFiles.writeString(file, toHtml());
    }
}
