package dev.ember.parity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown form of a {@link ParityReport}. */
final class ReportMarkdown {
    private final String title;
    private final List<String> order;
    private final Map<String, ParityResult> results;
    private final Map<String, List<Double>> curves;
    private final StringBuilder s = new StringBuilder();

    ReportMarkdown(String title, List<String> order, Map<String, ParityResult> results, Map<String, List<Double>> curves) {
        this.title = title;
        this.order = order;
        this.results = results;
        this.curves = curves;
    }

    String render() {
        long failed = results.values().stream().filter(r -> !r.passed()).count();
        s.append("# ").append(title).append("\n\n");
        s.append(results.size() - failed).append(" of ").append(results.size()).append(" cases pass");
        s.append(failed > 0 ? "; **" + failed + " fail**" : "").append(".\n");
        for (String name : order) {
            s.append("\n## ").append(cell(name));
            ParityResult r = results.get(name);
            if (r != null) {
                s.append(r.passed() ? " - PASS" : " - **FAIL**").append("\n\n");
                s.append("Seed ").append(r.seed()).append(".\n\n");
                r.inputs().forEach((n, in) -> s.append("- input ").append(cell(ReportRows.input(n, in))).append('\n'));
                s.append('\n');
                table(r.comparisons());
                r.localisation().ifPresent(loc -> {
                    s.append("\nPer-layer comparison: ").append(cell(loc.describe())).append(".\n\n");
                    if (!loc.layers().isEmpty()) {
                        table(loc.layers());
                    }
                });
            } else {
                s.append("\n");
            }
            List<Double> curve = curves.get(name);
            if (curve != null) {
                curve(curve);
            }
        }
        return s.toString();
    }

    private void table(List<TensorComparison> rows) {
        row(ReportRows.HEADER, false);
        s.append("|");
        ReportRows.HEADER.forEach(h -> s.append("---|"));
        s.append('\n');
        for (TensorComparison c : rows) {
            row(ReportRows.cells(c), !c.passed());
        }
    }

    private void row(List<String> cells, boolean bold) {
        s.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String v = cell(cells.get(i));
            boolean strong = bold && (i == 0 || i == 1 || (i >= ReportRows.FIRST_WORST && i <= ReportRows.LAST_WORST));
            s.append(' ').append(strong && !v.equals("-") ? "**" + v + "**" : v).append(" |");
        }
        s.append('\n');
    }

    private void curve(List<Double> curve) {
        s.append("\nDivergence curve (max abs error per step): first ").append(TensorComparison.num(curve.get(0)))
                .append(", last ").append(TensorComparison.num(curve.get(curve.size() - 1)))
                .append(", max ").append(TensorComparison.num(curve.stream().mapToDouble(Double::doubleValue).max()
                        .orElse(0))).append(".\n\n| step | max abs error |\n|---|---|\n");
        int every = Math.max(1, (int) Math.ceil(curve.size() / 50.0));
        for (int i = 0; i < curve.size(); i++) {
            if (i % every == 0 || i == curve.size() - 1) {
                s.append(String.format(Locale.ROOT, "| %d | %s |%n", i, TensorComparison.num(curve.get(i))));
            }
        }
    }

    private static String cell(String v) {
        return v.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
