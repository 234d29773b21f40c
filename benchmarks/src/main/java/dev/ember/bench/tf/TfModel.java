package dev.ember.bench.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * A TF-Java graph for a benchmark: inputs are placeholders fed on every run (Grappler cannot fold
 * them), weights are variables assigned once from fed initial values, and each forward reads a
 * variable through {@code Identity} so that {@code Graph.addGradients} differentiates plain tensors.
 * Updates run under a control dependency on every gradient, so no update overwrites a weight that a
 * gradient still reads.
 */
final class TfModel implements AutoCloseable {
    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    private final Map<Operand<?>, Tensor> feeds = new LinkedHashMap<>();
    private final List<Tensor> owned = new ArrayList<>();
    private final List<Op> assigns = new ArrayList<>();
    private final Map<Operand<?>, Tensor> initFeeds = new LinkedHashMap<>();
    final List<Variable<TFloat32>> variables = new ArrayList<>();
    final List<Operand<TFloat32>> reads = new ArrayList<>();
    private Session session;

    /** The thread settings every TF session here uses: 2 intra-op threads, 1 inter-op. */
    static ConfigProto config() {
        return ConfigProto.newBuilder().setIntraOpParallelismThreads(2).setInterOpParallelismThreads(1).build();
    }

    static TFloat32 tensor(float[] data, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /** A placeholder fed with {@code data} on every run. */
    Placeholder<TFloat32> input(float[] data, long... shape) {
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        TFloat32 t = own(tensor(data, shape));
        feeds.put(p, t);
        return p;
    }

    /** A placeholder fed per run by the caller. */
    Placeholder<TFloat32> scalarInput() {
        return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    /** A variable starting at {@code init}; returns its read (what the forward uses). */
    Operand<TFloat32> weight(float[] init, long... shape) {
        Variable<TFloat32> v = tf.variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> initValue = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        assigns.add(tf.assign(v, initValue));
        initFeeds.put(initValue, own(tensor(init, shape)));
        variables.add(v);
        Operand<TFloat32> read = tf.identity(v);
        reads.add(read);
        return read;
    }

    /** A zero-filled variable of {@code shape} (optimizer slots). */
    Variable<TFloat32> slot(long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        Variable<TFloat32> v = tf.variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> initValue = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        assigns.add(tf.assign(v, initValue));
        initFeeds.put(initValue, own(tensor(new float[n], shape)));
        return v;
    }

    /** d loss / d every weight read, in {@link #reads} order. */
    Output<?>[] gradients(Operand<TFloat32> loss) {
        Output<?>[] xs = new Output<?>[reads.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = reads.get(i).asOutput();
        }
        return graph.addGradients(loss.asOutput(), xs);
    }

    /** Ops that run only after every gradient exists. */
    Ops afterAll(Output<?>[] grads) {
        List<Op> deps = new ArrayList<>();
        for (Output<?> g : grads) {
            deps.add(tf.identity(castFloat(g)));
        }
        return tf.withControlDependencies(deps);
    }

    @SuppressWarnings("unchecked")
    static Operand<TFloat32> castFloat(Output<?> o) {
        return (Operand<TFloat32>) o;
    }

    /** Starts the session (2 intra-op threads) and assigns the initial weights. */
    Session start() {
        session = new Session(graph, config());
        if (!assigns.isEmpty()) {
            Session.Runner r = session.runner();
            initFeeds.forEach(r::feed);
            assigns.forEach(r::addTarget);
            r.run().close();
        }
        return session;
    }

    /** A runner with every input placeholder fed. */
    Session.Runner runner() {
        Session.Runner r = session.runner();
        feeds.forEach(r::feed);
        return r;
    }

    <T extends Tensor> T own(T t) {
        owned.add(t);
        return t;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        owned.forEach(Tensor::close);
        graph.close();
    }
}
