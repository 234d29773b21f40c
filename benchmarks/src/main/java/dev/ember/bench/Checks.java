package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Agreement of the backends on what they computed: each row's check values (the losses of the
 * first two steps, or an output statistic) must match the engine's (else the first backend's)
 * within {@link #TOLERANCE} relative. A benchmark that computes something different is not a benchmark.
 */
public final class Checks {
    /** Relative tolerance, with an absolute floor of the same size for values near zero. */
    public static final double TOLERANCE = 1e-4;

    private Checks() {
    }

    /** One warning line per backend that disagrees with the reference on some workload. */
    public static List<String> warnings(List<Result> results) {
        List<String> out = new ArrayList<>();
        for (Workload w : Workload.values()) {
            List<Result> rows = results.stream().filter(r -> r.isOk() && r.workload().equals(w.id())
                    && r.checks().length > 0).toList();
            if (rows.size() < 2) {
                continue;
            }
            Result ref = rows.stream().filter(r -> r.backend().equals(Peer.EMBER.id())).findFirst().orElse(rows.get(0));
            for (Result r : rows) {
                if (r != ref && !agree(ref.checks(), r.checks())) {
                    out.add(String.format(Locale.ROOT, "WARNING %s: %s computes %s but %s computes %s (tolerance %.0e): "
                            + "not the same computation", w.id(), r.backend(), show(r.checks()), ref.backend(),
                            show(ref.checks()), TOLERANCE));
                }
            }
        }
        return out;
    }

    /** {@code true} when every check value present on both sides agrees. */
    public static boolean agree(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            double scale = Math.max(1, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (!(Math.abs(a[i] - b[i]) <= TOLERANCE * scale)) {
                return false;
            }
        }
        return true;
    }

    static String show(double[] c) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < c.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", c[i]));
        }
        return sb.append(']').toString();
    }
}
