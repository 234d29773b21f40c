package dev.ember.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The self-contained HTML form of a {@link ParityReport} (well-formed XML: parseable as XHTML). */
final class ReportHtml {
    private static final String CSS = String.join("\n",
            "body { font-family: sans-serif; margin: 1.5em; color: #222; }",
            "table { border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.85em; }",
            "th, td { border: 1px solid #bbb; padding: 0.2em 0.45em; text-align: left; vertical-align: top; }",
            "th { background: #eee; }",
            "tr.fail td { background: #fde2e2; }",
            "tr.fail td.status { color: #a00; font-weight: bold; }",
            "tr.pass td.status { color: #070; }",
            "td.worst { background: #fff3c4; }",
            "tr.fail td.worst { background: #f9c0c0; font-weight: bold; }",
            "td.num { font-family: monospace; }",
            "span.verdict-fail { color: #a00; }",
            "span.verdict-pass { color: #070; }",
            "svg.plot { display: block; margin: 0.5em 0 1em 0; }",
            "svg .frame { fill: #fafafa; stroke: #999; }",
            "svg .grid { stroke: #ddd; }",
            "svg .reference { stroke: #c07000; stroke-dasharray: 5 4; }",
            "svg .series { fill: none; stroke: #2060b0; stroke-width: 1.5; }",
            "svg .pt { fill: #2060b0; }",
            "svg .pt.zero { fill: #fff; stroke: #2060b0; }",
            "svg .pt.bad { fill: #c00; }",
            "svg text { font-size: 11px; font-family: sans-serif; fill: #333; }",
            "svg .plot-title { font-size: 13px; font-weight: bold; }");

    private final String title;
    private final List<String> order;
    private final Map<String, ParityResult> results;
    private final Map<String, List<Double>> curves;
    private final StringBuilder s = new StringBuilder();

    ReportHtml(String title, List<String> order, Map<String, ParityResult> results, Map<String, List<Double>> curves) {
        this.title = title;
        this.order = order;
        this.results = results;
        this.curves = curves;
    }

    String render() {
        long failed = results.values().stream().filter(r -> !r.passed()).count();
        s.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Html.esc(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
        s.append("<h1>").append(Html.esc(title)).append("</h1>\n<p>").append(results.size() - failed).append(" of ")
                .append(results.size()).append(" cases pass")
                .append(failed > 0 ? "; <span class=\"verdict-fail\">" + failed + " fail</span>" : "").append(".</p>\n");
        for (String name : order) {
            section(name);
        }
        return s.append("</body>\n</html>\n").toString();
    }

    private void section(String name) {
        ParityResult r = results.get(name);
        s.append("<section class=\"case\" id=\"case-").append(Html.esc(anchor(name))).append("\">\n<h2>")
                .append(Html.esc(name));
        if (r != null) {
            s.append(r.passed() ? " <span class=\"verdict-pass\">PASS</span>" : " <span class=\"verdict-fail\">FAIL</span>");
        }
        s.append("</h2>\n");
        if (r != null) {
            s.append("<p>Seed ").append(r.seed()).append(".</p>\n<ul class=\"inputs\">\n");
            r.inputs().forEach((n, in) -> s.append("<li>input ").append(Html.esc(ReportRows.input(n, in)))
                    .append("</li>\n"));
            s.append("</ul>\n");
            table("comparisons", r.comparisons());
            r.localisation().ifPresent(this::localisation);
        }
        List<Double> curve = curves.get(name);
        if (curve != null) {
            List<SvgPlot.Point> pts = new ArrayList<>();
            for (int i = 0; i < curve.size(); i++) {
                double v = curve.get(i);
                pts.add(new SvgPlot.Point(Integer.toString(i), "step " + i, v, !Double.isFinite(v)));
            }
            s.append("<h3>Divergence curve</h3>\n");
            s.append(SvgPlot.logPlot(name + ": max abs error per training step", "step", "max abs error", pts, 0, ""));
        }
        s.append("</section>\n");
    }

    private void localisation(Localisation loc) {
        s.append("<h3>Per-layer comparison</h3>\n<p>").append(Html.esc(loc.describe())).append(".</p>\n");
        if (loc.layers().isEmpty()) {
            return;
        }
        List<SvgPlot.Point> pts = new ArrayList<>();
        for (TensorComparison c : loc.layers()) {
            pts.add(new SvgPlot.Point(c.name(), c.name(), c.maxAbsError(), !c.passed()));
        }
        // The atol line helps read how close each layer is to failing; only drawn when all layers share it.
        double atol = loc.layers().get(0).tolerance().atol();
        boolean shared = loc.layers().stream().allMatch(c -> c.tolerance().atol() == atol);
        s.append(SvgPlot.logPlot("max abs error per layer", "layer", "max abs error", pts, shared ? atol : 0,
                "atol " + TensorComparison.num(atol)));
        table("layers", loc.layers());
    }

    private void table(String cls, List<TensorComparison> rows) {
        s.append("<table class=\"").append(cls).append("\">\n<tr>");
        ReportRows.HEADER.forEach(h -> s.append("<th>").append(Html.esc(h)).append("</th>"));
        s.append("</tr>\n");
        for (TensorComparison c : rows) {
            List<String> cells = ReportRows.cells(c);
            s.append("<tr class=\"").append(c.passed() ? "pass" : "fail").append("\" title=\"")
                    .append(Html.esc(c.path())).append("\">");
            for (int i = 0; i < cells.size(); i++) {
                String cellClass = i == 1 ? "status"
                        : i >= ReportRows.FIRST_WORST && i <= ReportRows.LAST_WORST && c.worst() != null ? "worst num"
                        : i >= 5 && i <= 7 ? "num" : null;
                s.append(cellClass == null ? "<td>" : "<td class=\"" + cellClass + "\">")
                        .append(Html.esc(cells.get(i))).append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</table>\n");
    }

    private static String anchor(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
