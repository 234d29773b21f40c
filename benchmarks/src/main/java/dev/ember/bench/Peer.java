package dev.ember.bench;

import java.util.Arrays;

/** A backend the benchmarks compare, by its name in the table and the JSON. */
public enum Peer {
    EMBER("ember", "the engine: dev.ember.engine Tensor, nn, optim, data"),
    TF_GRAPH("tf-graph", "TF-Java 1.1.0 Session; Graph.addGradients + ApplyGradientDescent/ApplyAdam; placeholders fed"),
    TF_EAGER("tf-eager", "TF-Java 1.1.0 EagerSession, where it has the op"),
    LIBTORCH("libtorch", "libtorch 2.5.1 through org.bytedeco:pytorch, its own autograd and optimizers"),
    ND4J_RAW("nd4j-raw", "raw ND4J INDArray ops with hand-written backward: the floor of an ND4J engine");

    private final String id;
    private final String description;

    Peer(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name in tables and JSON, e.g. {@code tf-graph}. */
    public String id() {
        return id;
    }

    /** One line: what this backend is. */
    public String description() {
        return description;
    }

    /** The peer named {@code id}; an error lists the known ones. */
    public static Peer of(String id) {
        for (Peer p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + id + "'; known: "
                + Arrays.stream(values()).map(Peer::id).toList());
    }
}
