package dev.ember.bench;

/** Which backend can run which workload; a row a backend cannot run says why instead of numbers. */
public final class Support {
    private Support() {
    }

    /** {@code null} when {@code peer} runs {@code w}, else the reason it does not. */
    public static String whyNot(Peer peer, Workload w) {
        String g = w.group();
        if (g.equals("mem")) {
            return peer == Peer.EMBER ? null : "the memory check is the engine's";
        }
        if (g.equals("CK")) {
            return peer == Peer.EMBER ? null : "checkpoint import is the engine's (tfcompat)";
        }
        if (g.equals("MIG")) {
            return peer == Peer.EMBER ? null : "the migrator is the engine's";
        }
        if (g.equals("W7")) {
            return peer == Peer.EMBER ? null : "the DataLoader is the engine's; " + peer.id() + " has no Java counterpart here";
        }
        switch (peer) {
            case EMBER:
            case LIBTORCH:
                return null;
            case ND4J_RAW:
                if (w == Workload.W1_GRAD) {
                    return "raw ND4J has no autograd (the W1-grad target compares with its W1 row)";
                }
                return g.equals("W6") ? "not written: W6's hand-written backward (batch norm, residuals) is out of "
                        + "scope; its target is against tf-graph" : null;
            case TF_GRAPH:
                return w == Workload.W1_GRAD ? "graph mode records no per-op autograd" : null;
            case TF_EAGER:
                if (w == Workload.W1_GRAD || g.equals("W3") || g.equals("W4") || g.equals("W6")) {
                    return "TF-Java's eager mode has no gradient tape";
                }
                return null;
            default:
                return "unknown backend";
        }
    }
}
