package dev.ember.engine.backend;

import dev.ember.engine.backend.nd4j.Nd4jBackend;

/** Holds the backend the engine runs on: ND4J, created on first use. */
public final class Backends {
    private Backends() {
    }

    private static final class Holder {
        static final Backend INSTANCE = new Nd4jBackend();
    }

    /** The active backend. */
    public static Backend get() {
        return Holder.INSTANCE;
    }
}
