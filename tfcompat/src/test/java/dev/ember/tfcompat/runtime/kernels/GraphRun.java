package dev.ember.tfcompat.runtime.kernels;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Result;
import dev.ember.tfcompat.Session;
import dev.ember.tfcompat.Tensor;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;

/** A graph, its session and {@code Ops}, with fetches read back as doubles for hand-computed checks. */
final class GraphRun implements AutoCloseable {
    final Graph graph = new Graph();
    final Session session = new Session(graph);
    final Ops tf = Ops.create(graph);

    /** The values of {@code o} in row-major order (bools as 0/1). */
    double[] values(Operand<?> o) {
        try (Result r = session.runner().fetch(o).run()) {
            return TypeInfo.toEngine(r.get(0)).to(dev.ember.engine.DType.FLOAT64).toDoubleArray();
        }
    }

    /** The run-time shape of {@code o}. */
    long[] shape(Operand<?> o) {
        try (Result r = session.runner().fetch(o).run()) {
            Tensor t = r.get(0);
            return t.shape().asArray();
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
