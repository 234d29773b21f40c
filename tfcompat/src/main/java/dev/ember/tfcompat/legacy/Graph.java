package dev.ember.tfcompat.legacy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A dataflow graph of the TF 1.x API; mirrors libtensorflow 1.15's {@code org.tensorflow.Graph}, as a
 * thin adapter over tfcompat's {@link dev.ember.tfcompat.Graph}.
 */
public final class Graph implements ExecutionEnvironment, AutoCloseable {
    private final dev.ember.tfcompat.Graph modern;

    public Graph() {
        this(new dev.ember.tfcompat.Graph());
    }

    Graph(dev.ember.tfcompat.Graph modern) {
        this.modern = modern;
    }

    /** Builds the condition or the body of {@link #whileLoop}; mirrors {@code Graph.WhileSubgraphBuilder}. */
    public interface WhileSubgraphBuilder {
        void buildSubgraph(Graph g, Output<?>[] inputs, Output<?>[] outputs);
    }

    @Override
    public void close() {
        modern.close();
    }

    /** The operation named {@code name}, or {@code null}. */
    public GraphOperation operation(String name) {
        dev.ember.tfcompat.GraphOperation op = modern.operation(name);
        return op == null ? null : wrap(op);
    }

    /** Every operation, in the order they were added. */
    public Iterator<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<dev.ember.tfcompat.GraphOperation> it = modern.operations(); it.hasNext();) {
            out.add(wrap(it.next()));
        }
        return out.iterator();
    }

    /** A builder for an operation of {@code type} named exactly {@code name}. */
    @Override
    public GraphOperationBuilder opBuilder(String type, String name) {
        return new GraphOperationBuilder(this, modern.opBuilder(type, name));
    }

    /** Adds the nodes (and functions) of a serialized GraphDef; malformed bytes are an {@code IllegalArgumentException}. */
    public void importGraphDef(byte[] graphDef) {
        importGraphDef(graphDef, "");
    }

    /** As {@link #importGraphDef(byte[])} with every node name prefixed by {@code prefix/}. */
    public void importGraphDef(byte[] graphDef, String prefix) {
        org.tensorflow.proto.GraphDef def;
        try {
            def = org.tensorflow.proto.GraphDef.parseFrom(graphDef);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Invalid GraphDef: the bytes are not a serialized GraphDef ("
                    + e.getMessage() + ")", e);
        }
        try {
            modern.importGraphDef(def, prefix == null || prefix.isEmpty() ? null : prefix);
        } catch (RuntimeException e) {
            throw LegacyErrors.map(e);
        }
    }

    /** The graph as serialized GraphDef bytes. */
    public byte[] toGraphDef() {
        return modern.toGraphDef().toByteArray();
    }

    /** Nodes computing {@code d(sum of y)/d(x)} for each x, with optional initial gradients {@code dx}. */
    public Output<?>[] addGradients(String prefix, Output<?>[] y, Output<?>[] x, Output<?>[] dx) {
        try {
            return wrapAll(modern.addGradients(prefix, unwrap(y), unwrap(x), dx == null ? null : unwrap(dx)));
        } catch (RuntimeException e) {
            throw LegacyErrors.map(e);
        }
    }

    /** Nodes computing {@code d(sum of y)/d(x)} for each x. */
    public Output<?>[] addGradients(Output<?> y, Output<?>[] x) {
        return addGradients(null, new Output<?>[] {y}, x, null);
    }

    /** A while loop; the condition and body become functions of a functional While node (see tfcompat's Graph). */
    public Output<?>[] whileLoop(Output<?>[] inputs, WhileSubgraphBuilder cgBuilder, WhileSubgraphBuilder bgBuilder,
            String name) {
        try {
            return wrapAll(modern.whileLoop(unwrap(inputs), adapt(cgBuilder), adapt(bgBuilder), name));
        } catch (RuntimeException e) {
            throw LegacyErrors.map(e);
        }
    }

    private static dev.ember.tfcompat.Graph.WhileSubgraphBuilder adapt(WhileSubgraphBuilder b) {
        return (g, in, out) -> {
            Graph sub = new Graph(g);
            Output<?>[] legacyOut = new Output<?>[out.length];
            b.buildSubgraph(sub, sub.wrapAll(in), legacyOut);
            for (int i = 0; i < out.length; i++) {
                out[i] = legacyOut[i] == null ? null : legacyOut[i].modern();
            }
        };
    }

    /** Engine internal: the tfcompat graph behind this one. */
    dev.ember.tfcompat.Graph modern() {
        return modern;
    }

    GraphOperation wrap(dev.ember.tfcompat.GraphOperation op) {
        return new GraphOperation(this, op);
    }

    Output<?> wrap(dev.ember.tfcompat.Output<?> o) {
        return wrap((dev.ember.tfcompat.GraphOperation) o.op()).output(o.index());
    }

    private Output<?>[] wrapAll(dev.ember.tfcompat.Output<?>[] outs) {
        Output<?>[] r = new Output<?>[outs.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = wrap(outs[i]);
        }
        return r;
    }

    private dev.ember.tfcompat.Output<?>[] unwrap(Output<?>[] outs) {
        dev.ember.tfcompat.Output<?>[] r = new dev.ember.tfcompat.Output<?>[outs.length];
        for (int i = 0; i < r.length; i++) {
            own(outs[i].op());
            r[i] = outs[i].modern();
        }
        return r;
    }

    /** {@code op} as a node of this graph; fails naming it when it belongs to another graph. */
    GraphOperation own(Operation op) {
        if (!(op instanceof GraphOperation) || ((GraphOperation) op).modern().env() != modern) {
            throw new IllegalArgumentException("'" + op.name() + "' is an operation of another Graph");
        }
        return (GraphOperation) op;
    }
}
