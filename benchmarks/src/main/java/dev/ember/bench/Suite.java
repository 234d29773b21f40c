package dev.ember.bench;

/** One backend's implementation of the workloads; runs inside that backend's child JVM. */
public interface Suite {
    /** The native runtime and thread settings, one line for the machine section. */
    String describe();

    /** Measures {@code w}; throws {@link NotAvailable} when this backend has no way to run it. */
    Measurement measure(Workload w, Settings s) throws Exception;

    /** A workload this backend cannot run, with the reason shown in its row. */
    final class NotAvailable extends Exception {
        private static final long serialVersionUID = 1L;

        public NotAvailable(String why) {
            super(why);
        }
    }
}
