package dev.ember.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets, judged on the engine's rows: W1 within 1.5x of raw ND4J without grad and
 * 2.5x with grad; W3 and W4 within 1.25x of raw ND4J; W4 and W6 within 2x of TF graph mode; and
 * issue 7's checkpoint import at >= 50% of the raw sequential read rate of the same files (CK-import
 * against the engine's own CK-read row); issue 6's migration of 100k lines in at most 2x JavaParser's parse +
 * resolve time of the same files (MIG-migrate against the engine's own MIG-parse row).
 * A ratio is the engine's median time over the peer's (for rates: the peer's rate over the engine's),
 * so above 1 means the engine is slower.
 */
public final class Targets {
    private Targets() {
    }

    /** One target: engine row {@code workload} against {@code peer}'s row {@code peerWorkload}. */
    public record Target(String workload, Peer peer, String peerWorkload, double limit) {
    }

    static final List<Target> ALL = List.of(
            new Target("W1", Peer.ND4J_RAW, "W1", 1.5),
            new Target("W1-grad", Peer.ND4J_RAW, "W1", 2.5),
            new Target("W3", Peer.ND4J_RAW, "W3", 1.25),
            new Target("W4", Peer.ND4J_RAW, "W4", 1.25),
            new Target("W4", Peer.TF_GRAPH, "W4", 2.0),
            new Target("W6", Peer.TF_GRAPH, "W6", 2.0),
            // issue 7: import >= 50% of the raw read rate, i.e. at most 2x the raw read's time per MB
            new Target("CK-import", Peer.EMBER, "CK-read", 2.0),
            new Target("CK-import-cold", Peer.EMBER, "CK-read-cold", 2.0),
            // issue 6: migrating takes at most 2x the parse + resolve time of the same files
            new Target("MIG-migrate", Peer.EMBER, "MIG-parse", 2.0));

    /** A judged target: PASS, MISS, or {@code ?} when a row is missing. */
    public record Verdict(Target target, double ratio) {
        public String text() {
            String against = target.peer().id() + (target.peerWorkload().equals(target.workload()) ? ""
                    : " " + target.peerWorkload());
            if (target.peer() == Peer.EMBER && !target.workload().startsWith("MIG")) {
                String floor = String.format(Locale.ROOT, ">=%.0f%%", 100 / target.limit());
                return Double.isNaN(ratio) ? "? (no " + target.peerWorkload() + " number) " + floor
                        : String.format(Locale.ROOT, "%s %.0f%% of %s %s", passed() ? "PASS" : "MISS", 100 / ratio,
                                target.peerWorkload(), floor);
            }
            if (Double.isNaN(ratio)) {
                return "? (no " + against + " number) <=" + fmt(target.limit()) + "x";
            }
            return (passed() ? "PASS " : "MISS ") + fmt(ratio) + "x " + against + " <=" + fmt(target.limit()) + "x";
        }

        public boolean passed() {
            return ratio <= target.limit();
        }
    }

    /** The engine's time over {@code peer}'s on {@code peerWorkload}; NaN when either row has no number. */
    public static double ratio(List<Result> results, String workload, Peer peer, String peerWorkload) {
        Optional<Result> e = find(results, workload, Peer.EMBER);
        Optional<Result> p = find(results, peerWorkload, peer);
        if (e.isEmpty() || p.isEmpty()) {
            return Double.NaN;
        }
        return e.get().medianSeconds() / p.get().medianSeconds();
    }

    /** The verdicts for the engine row {@code workload}. */
    public static List<Verdict> judge(List<Result> results, String workload) {
        List<Verdict> v = new ArrayList<>();
        for (Target t : ALL) {
            if (t.workload().equals(workload)) {
                v.add(new Verdict(t, ratio(results, workload, t.peer(), t.peerWorkload())));
            }
        }
        return v;
    }

    static Optional<Result> find(List<Result> results, String workload, Peer peer) {
        return results.stream().filter(r -> r.isOk() && r.workload().equals(workload) && r.backend().equals(peer.id()))
                .findFirst();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
