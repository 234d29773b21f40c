package dev.ember.bench;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The child JVM: runs one workload group on one backend and prints one result line per row on
 * stdout ({@link Result#toLine()}); progress goes to stderr. Suites are loaded by name so that the
 * libtorch child, whose classpath has no ND4J or TF, never touches their classes.
 *
 * <p>Usage: {@code ChildMain BACKEND GROUP WARMUP ITERS}, or {@code ChildMain --fma-ceiling}.
 */
public final class ChildMain {
    static final String INFO_PREFIX = "@@ember-bench-info\t";

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals("--fma-ceiling")) {
            FmaCeiling.main(args);
            return;
        }
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ChildMain BACKEND GROUP WARMUP ITERS, got " + Arrays.toString(args));
        }
        Peer peer = Peer.of(args[0]);
        Settings settings = new Settings(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Suite suite;
        try {
            suite = load(peer);
            out.println(INFO_PREFIX + peer.id() + "\t" + suite.describe());
        } catch (Throwable e) {
            for (Workload w : Workload.inGroup(args[1])) {
                out.println(Result.failed(w, peer, "could not start " + peer.id() + ": " + describe(e)).toLine());
            }
            return;
        }
        for (Workload w : Workload.inGroup(args[1])) {
            if (Support.whyNot(peer, w) != null) {
                continue; // the parent writes that row
            }
            out.println(measure(suite, peer, w, settings).toLine());
            out.flush();
        }
        out.flush();
        // Native thread pools (TF, OpenMP) can keep a JVM alive; the results are out.
        System.exit(0);
    }

    static Result measure(Suite suite, Peer peer, Workload w, Settings settings) {
        try {
            System.err.println("    " + w.id() + " on " + peer.id() + ": " + w.description());
            return suite.measure(w, settings).toResult(w, peer);
        } catch (Suite.NotAvailable e) {
            return Result.notAvailable(w, peer, e.getMessage());
        } catch (Throwable e) {
            e.printStackTrace();
            return Result.failed(w, peer, describe(e));
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
    }

    private static Suite load(Peer peer) throws ReflectiveOperationException {
        String cls;
        switch (peer) {
            case EMBER: cls = "dev.ember.bench.ember.EmberSuite"; break;
            case ND4J_RAW: cls = "dev.ember.bench.nd4j.Nd4jRawSuite"; break;
            case TF_GRAPH: cls = "dev.ember.bench.tf.TfGraphSuite"; break;
            case TF_EAGER: cls = "dev.ember.bench.tf.TfEagerSuite"; break;
            case LIBTORCH: cls = "dev.ember.bench.torch.LibtorchSuite"; break;
            default: throw new IllegalArgumentException("backend " + peer);
        }
        return (Suite) Class.forName(cls).getDeclaredConstructor().newInstance();
    }
}
