package dev.ember.bench;

/**
 * What a suite measured for one workload: seconds per iteration (per op for W1), and the check
 * values every backend must agree on (e.g. the losses of the first two steps).
 */
public record Measurement(double[] seconds, double[] checks, String note) {
    public Measurement {
        seconds = seconds.clone();
        checks = checks == null ? new double[0] : checks.clone();
        note = note == null ? "" : note;
    }

    /** The same with {@code note}. */
    public Measurement withNote(String n) {
        return new Measurement(seconds, checks, n);
    }

    /** The table row for workload {@code w} on peer {@code p}. */
    public Result toResult(Workload w, Peer p) {
        double median = w.convert(Stats.median(seconds));
        double min = w.convert(Stats.min(seconds));
        return Result.ok(w, p, median, min, seconds.length, checks, note);
    }
}
