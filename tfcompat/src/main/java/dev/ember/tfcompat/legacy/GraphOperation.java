package dev.ember.tfcompat.legacy;

/** A node of a legacy {@link Graph}; mirrors libtensorflow 1.15's {@code org.tensorflow.GraphOperation}. */
public final class GraphOperation implements Operation {
    private final Graph graph;
    private final dev.ember.tfcompat.GraphOperation modern;

    GraphOperation(Graph graph, dev.ember.tfcompat.GraphOperation modern) {
        this.graph = graph;
        this.modern = modern;
    }

    @Override
    public String name() {
        return modern.name();
    }

    @Override
    public String type() {
        return modern.type();
    }

    @Override
    public int numOutputs() {
        return modern.numOutputs();
    }

    @Override
    public int outputListLength(String name) {
        return modern.outputListLength(name);
    }

    /** Input argument lengths need TF's op definitions, which tfcompat does not carry; unsupported. */
    @Override
    public int inputListLength(String name) {
        throw new UnsupportedOperationException("inputListLength(\"" + name + "\") of '" + name()
                + "': tfcompat does not know TF's input argument names; use the node's attributes (e.g. N)");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Output<T> output(int idx) {
        if (idx < 0 || idx >= numOutputs()) {
            throw new IndexOutOfBoundsException("Operation '" + name() + "' has " + numOutputs() + " outputs, no output "
                    + idx);
        }
        return (Output<T>) new Output<>(this, modern.output(idx));
    }

    @Override
    public Output<?>[] outputList(int idx, int length) {
        Output<?>[] out = new Output<?>[length];
        for (int i = 0; i < length; i++) {
            out[i] = output(idx + i);
        }
        return out;
    }

    /** Engine internal: the tfcompat node. */
    dev.ember.tfcompat.GraphOperation modern() {
        return modern;
    }

    Graph graph() {
        return graph;
    }

    @Override
    public int hashCode() {
        return modern.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphOperation && ((GraphOperation) o).modern == modern;
    }

    @Override
    public String toString() {
        return String.format("<%s '%s'>", type(), name());
    }
}
