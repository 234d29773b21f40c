package dev.ember.tfcompat.legacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a legacy {@link Graph} on the engine; mirrors libtensorflow 1.15's {@code org.tensorflow.Session}.
 * {@code runner()...run()} returns the fetched tensors as a {@code List<Tensor<?>>}.
 */
public final class Session implements AutoCloseable {
    private final Graph graph;
    private final dev.ember.tfcompat.Session modern;

    public Session(Graph g) {
        this(g, new dev.ember.tfcompat.Session(g.modern()));
    }

    /** Accepts a serialized ConfigProto for compatibility; it does not apply to the engine. */
    public Session(Graph g, byte[] config) {
        this(g);
    }

    Session(Graph g, dev.ember.tfcompat.Session modern) {
        this.graph = g;
        this.modern = modern;
    }

    @Override
    public void close() {
        modern.close();
    }

    /** A builder for one run. */
    public Runner runner() {
        return new Runner();
    }

    /** The outputs of a run and its metadata; mirrors {@code Session.Run}. */
    public static final class Run {
        /** The fetched tensors, in fetch order. */
        public List<Tensor<?>> outputs;
        /** Serialized RunMetadata; always {@code null} here (the engine records none). */
        public byte[] metadata;

        public Run() {
        }
    }

    /** One run's feeds, fetches and targets; mirrors {@code Session.Runner}. */
    public final class Runner {
        private final dev.ember.tfcompat.Session.Runner runner = modern.runner();

        public Runner() {
        }

        /** Feeds {@code t} to {@code "op"} or {@code "op:index"}. */
        public Runner feed(String operation, Tensor<?> t) {
            call(() -> runner.feed(operation, t.toModern()));
            return this;
        }

        public Runner feed(String operation, int index, Tensor<?> t) {
            call(() -> runner.feed(operation, index, t.toModern()));
            return this;
        }

        public Runner feed(Operand<?> operand, Tensor<?> t) {
            Output<?> o = operand.asOutput();
            graph.own(o.op());
            call(() -> runner.feed(o.modern(), t.toModern()));
            return this;
        }

        /** Fetches {@code "op"} or {@code "op:index"}. */
        public Runner fetch(String operation) {
            call(() -> runner.fetch(operation));
            return this;
        }

        public Runner fetch(String operation, int index) {
            call(() -> runner.fetch(operation, index));
            return this;
        }

        public Runner fetch(Output<?> output) {
            graph.own(output.op());
            call(() -> runner.fetch(output.modern()));
            return this;
        }

        public Runner fetch(Operand<?> operand) {
            return fetch(operand.asOutput());
        }

        /** Runs the operation named {@code operation} without fetching it. */
        public Runner addTarget(String operation) {
            call(() -> runner.addTarget(operation));
            return this;
        }

        public Runner addTarget(Operation operation) {
            GraphOperation op = graph.own(operation);
            call(() -> runner.addTarget(op.modern()));
            return this;
        }

        public Runner addTarget(Operand<?> operand) {
            return addTarget(operand.asOutput().op());
        }

        /** Accepts serialized RunOptions for compatibility; they do not apply to the engine. */
        public Runner setOptions(byte[] options) {
            return this;
        }

        /** Runs; the caller owns (closes) the returned tensors. */
        public List<Tensor<?>> run() {
            List<Tensor<?>> out = new ArrayList<>();
            try (dev.ember.tfcompat.Result r = runner.run()) {
                for (int i = 0; i < r.size(); i++) {
                    out.add(Tensor.fromModern(r.get(i)));
                }
            } catch (RuntimeException e) {
                throw LegacyErrors.map(e);
            }
            return out;
        }

        /** Runs; the metadata is {@code null} (the engine records none). */
        public Run runAndFetchMetadata() {
            Run r = new Run();
            r.outputs = run();
            return r;
        }

        private void call(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                throw LegacyErrors.map(e);
            }
        }
    }
}
