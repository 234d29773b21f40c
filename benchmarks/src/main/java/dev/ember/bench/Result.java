package dev.ember.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One table row: a workload on a backend. {@code median} and {@code min} are in {@code unit}: for
 * times the median and the fastest iteration; for rates (GFLOP/s, images/s) the rate of the median
 * iteration and of the fastest one (so "min" is then the highest rate). {@code checks} are values
 * the backends must agree on (first losses, an output statistic); {@code note} says why a row has no
 * numbers ({@link Status#NOT_AVAILABLE}, {@link Status#FAILED}) or adds a remark.
 */
public record Result(String workload, String backend, String unit, double median, double min, int iterations,
        double[] checks, Status status, String note) {

    /** Whether the row has numbers. */
    public enum Status { OK, NOT_AVAILABLE, FAILED }

    public Result {
        checks = checks == null ? new double[0] : checks.clone();
        note = note == null ? "" : note;
    }

    /** A measured row. */
    public static Result ok(Workload w, Peer p, double median, double min, int iterations, double[] checks, String note) {
        return new Result(w.id(), p.id(), w.unit(), median, min, iterations, checks, Status.OK, note);
    }

    /** A row the backend cannot run, with the reason. */
    public static Result notAvailable(Workload w, Peer p, String why) {
        return new Result(w.id(), p.id(), w.unit(), Double.NaN, Double.NaN, 0, null, Status.NOT_AVAILABLE, why);
    }

    /** A row whose run failed, with the reason. */
    public static Result failed(Workload w, Peer p, String why) {
        return new Result(w.id(), p.id(), w.unit(), Double.NaN, Double.NaN, 0, null, Status.FAILED, why);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** The median as seconds per iteration (undoing the rate conversion), for ratios. */
    public double medianSeconds() {
        return toSeconds(median);
    }

    private double toSeconds(double v) {
        Workload w = Workload.of(workload);
        switch (unit) {
            case "us": return v / 1e6;
            case "ms": return v / 1e3;
            case "GFLOP/s": return w.workPerIteration() / (v * 1e9);
            case "images/s":
            case "MB/s":
            case "lines/s": return w.workPerIteration() / v;
            default: throw new IllegalStateException("unit " + unit);
        }
    }

    // ---------------------------------------------------------------- the child -> parent line

    static final String LINE_PREFIX = "@@ember-bench\t";

    /** This result as one line of the child's stdout. */
    public String toLine() {
        StringBuilder cs = new StringBuilder();
        for (double c : checks) {
            cs.append(cs.length() == 0 ? "" : ",").append(Double.toString(c));
        }
        return LINE_PREFIX + String.join("\t", workload, backend, unit, Double.toString(median), Double.toString(min),
                Integer.toString(iterations), cs.toString(), status.name(), escape(note));
    }

    /** Parses {@link #toLine()}; {@code null} when {@code line} is not a result line. */
    public static Result parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            return null;
        }
        String[] f = line.substring(LINE_PREFIX.length()).split("\t", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException("malformed result line (" + f.length + " fields): " + line);
        }
        double[] checks = f[6].isEmpty() ? new double[0]
                : Arrays.stream(f[6].split(",")).mapToDouble(Double::parseDouble).toArray();
        return new Result(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5]),
                checks, Status.valueOf(f[7]), unescape(f[8]));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s %s median=%.4g min=%.4g n=%d %s", workload, backend, status, median,
                min, iterations, note);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result r && r.toLine().equals(toLine());
    }

    @Override
    public int hashCode() {
        return toLine().hashCode();
    }
}
