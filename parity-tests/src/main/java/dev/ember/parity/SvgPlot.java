package dev.ember.parity;

import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line plot with a log-scale y axis (error per layer, error per training step).
 * Zeros sit on the bottom axis as hollow markers; NaN/Inf above the top axis in red. Each point has
 * a {@code <title>} tooltip, so no script is needed.
 */
final class SvgPlot {
    /** A point: its axis label, its tooltip name, its value, and whether to draw it as failing. */
    record Point(String tick, String label, double value, boolean bad) {
    }

    private static final int W = 640;
    private static final int H = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 34;
    private static final int BOTTOM = 64;
    private static final int PAD = 14;

    private SvgPlot() {
    }

    /**
     * The plot; {@code reference} (e.g. the shared atol), when positive and finite, is drawn as a
     * dashed horizontal line labelled {@code referenceLabel}.
     */
    static String logPlot(String title, String xAxis, String yAxis, List<Point> points, double reference,
            String referenceLabel) {
        double minPos = Double.POSITIVE_INFINITY;
        double maxPos = 0;
        boolean hasRef = reference > 0 && Double.isFinite(reference);
        if (hasRef) {
            minPos = reference;
            maxPos = reference;
        }
        for (Point p : points) {
            if (Double.isFinite(p.value()) && p.value() > 0) {
                minPos = Math.min(minPos, p.value());
                maxPos = Math.max(maxPos, p.value());
            }
        }
        int lo = maxPos == 0 ? -12 : (int) Math.floor(Math.log10(minPos));
        int hi = maxPos == 0 ? 0 : (int) Math.ceil(Math.log10(maxPos));
        if (hi <= lo) {
            hi = lo + 1;
        }
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"").append(W).append("\" height=\"")
                .append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\">\n");
        s.append("<title>").append(Html.esc(title)).append("</title>\n");
        s.append(text(LEFT, 18, "start", "plot-title", title));
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(fmt(plotW))
                .append("\" height=\"").append(fmt(plotH)).append("\" class=\"frame\"/>\n");
        for (int d = lo; d <= hi; d++) {
            double y = TOP + plotH * (hi - d) / (hi - lo);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" class=\"grid\"/>\n");
            s.append(text(LEFT - 6, y + 4, "end", "tick", "1e" + d));
        }
        if (hasRef) {
            double y = TOP + plotH * (hi - Math.log10(reference)) / (hi - lo);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(fmt(LEFT + plotW)).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" class=\"reference\"/>\n");
            s.append(text(LEFT + plotW - 4, y - 4, "end", "tick", referenceLabel));
        }
        s.append(text(14, TOP + plotH / 2, "middle", "axis", yAxis, "rotate(-90 14 " + fmt(TOP + plotH / 2) + ")"));
        s.append(text(LEFT + plotW / 2, H - 6, "middle", "axis", xAxis));
        int n = points.size();
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        StringBuilder line = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = n == 1 ? LEFT + plotW / 2 : LEFT + PAD + (plotW - 2 * PAD) * i / (n - 1);
            double v = p.value();
            boolean nonFinite = !Double.isFinite(v);
            double y = nonFinite ? TOP - 8 : v <= 0 ? TOP + plotH
                    : TOP + plotH * (hi - Math.log10(v)) / (hi - lo);
            if (!nonFinite) {
                line.append(line.length() == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            }
            String cls = nonFinite || p.bad() ? "pt bad" : v <= 0 ? "pt zero" : "pt";
            marks.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3.5\" class=\"")
                    .append(cls).append("\"><title>").append(Html.esc(p.label() + ": " + TensorComparison.num(v)))
                    .append("</title></circle>\n");
            boolean crowdsTheLast = i != n - 1 && n - 1 - i < labelEvery;
            if ((i % labelEvery == 0 && !crowdsTheLast) || i == n - 1) {
                double ly = TOP + plotH + 14;
                marks.append(text(x, ly, "end", "tick", p.tick(), "rotate(-30 " + fmt(x) + " " + fmt(ly) + ")"));
            }
        }
        if (line.length() > 0) {
            s.append("<polyline points=\"").append(line).append("\" class=\"series\"/>\n");
        }
        s.append(marks);
        return s.append("</svg>\n").toString();
    }

    private static String text(double x, double y, String anchor, String cls, String body) {
        return text(x, y, anchor, cls, body, null);
    }

    private static String text(double x, double y, String anchor, String cls, String body, String transform) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cls + "\""
                + (transform == null ? "" : " transform=\"" + transform + "\"") + ">" + Html.esc(body) + "</text>\n";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
