package dev.ember.parity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The table columns shared by the Markdown and HTML reports, as plain text. */
final class ReportRows {
    static final List<String> HEADER = List.of("tensor", "status", "dtype", "shape TF -> engine", "layout", "max abs",
            "max rel", "mismatches", "worst: engine index", "worst: TF index", "engine value", "TF value", "tolerance",
            "detail");
    /** Columns holding the worst element (highlighted in HTML). */
    static final int FIRST_WORST = 8;
    static final int LAST_WORST = 11;

    private ReportRows() {
    }

    static List<String> cells(TensorComparison c) {
        TensorComparison.Element w = c.worst();
        return List.of(
                c.kind() == TensorComparison.Kind.OUTPUT ? c.name() : c.kind().name().toLowerCase(Locale.ROOT) + " "
                        + c.name(),
                c.passed() ? "PASS" : "FAIL " + c.status(),
                dtype(c),
                shape(c.tfShape()) + " -> " + shape(c.engineShape()),
                c.layout().describe(),
                TensorComparison.num(c.maxAbsError()),
                TensorComparison.num(c.maxRelError()),
                c.numel() == 0 && c.mismatchCount() == 0 ? "-" : String.format(Locale.ROOT, "%d / %d (%.2f%%)",
                        c.mismatchCount(), c.numel(), 100 * c.mismatchFraction()),
                w == null ? "-" : Arrays.toString(w.engineIndex()) + " flat " + w.engineFlatIndex(),
                w == null ? "-" : Arrays.toString(w.tfIndex()) + " flat " + w.tfFlatIndex(),
                w == null ? "-" : w.engineText(),
                w == null ? "-" : w.tfText(),
                c.tolerance().describe(),
                c.detail().isEmpty() ? "-" : c.detail());
    }

    private static String dtype(TensorComparison c) {
        String tf = c.tfDType() == null ? "-" : c.tfDType().toString();
        String en = c.engineDType() == null ? "-" : c.engineDType().toString();
        return tf.equals(en) ? tf : tf + " / " + en;
    }

    private static String shape(long[] s) {
        return s == null ? "-" : Arrays.toString(s);
    }

    static String input(String name, Input in) {
        return name + ": " + in.dtype() + Arrays.toString(in.shape()) + " (TF layout), " + in.distribution()
                + ", layout " + in.layout().describe();
    }
}
