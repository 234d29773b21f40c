package dev.ember.tfcompat;

import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.internal.types.TStringImpl;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.runtime.Executor;
import dev.ember.tfcompat.runtime.SessionState;
import dev.ember.tfcompat.runtime.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * Runs parts of a {@link Graph} on the engine; mirrors {@code org.tensorflow.Session}. Variables
 * live in the session; each run evaluates what its fetches and targets need, as TF1 does.
 */
public final class Session implements AutoCloseable {
    private final Graph graph;
    private final SessionState state = new SessionState();
    private final java.util.Set<GraphOperation> initialized = new java.util.HashSet<>();
    private final boolean autoInit;
    private boolean closed;

    /** A session that runs the graph's un-ran initializers before each run ({@code autoInit}), as TF-Java's does. */
    public Session(Graph graph) {
        this(graph, true, null);
    }

    /** A session with TF's options; see {@link #Session(Graph, boolean, org.tensorflow.proto.ConfigProto)}. */
    public Session(Graph graph, org.tensorflow.proto.ConfigProto config) {
        this(graph, true, config);
    }

    /**
     * {@code autoInit} false: a run with un-ran initializers fails until {@link #initialize()} is called
     * (TF-Java's behaviour and message).
     */
    public Session(Graph graph, boolean autoInit) {
        this(graph, autoInit, null);
    }

    /**
     * A session with TF's options. Only {@code graph_options.rewrite_options.layout_optimizer} applies
     * to the engine: {@code OFF} turns the NHWC/NCHW layout pass off ({@code runtime.LayoutPass}).
     */
    public Session(Graph graph, boolean autoInit, org.tensorflow.proto.ConfigProto config) {
        this.graph = graph;
        this.autoInit = autoInit;
        if (config != null && config.getGraphOptions().getRewriteOptions().getLayoutOptimizer()
                == org.tensorflow.proto.RewriterConfig.Toggle.OFF) {
            state.layoutOptimizer(false);
        }
    }

    /** The graph this session runs. */
    public Graph graph() {
        return graph;
    }

    /** A builder for one run; mirrors {@code Session.runner()}. */
    public Runner runner() {
        checkOpen();
        return new Runner();
    }

    /** Runs the node named {@code opName} as a target. */
    public void run(String opName) {
        runner().addTarget(opName).run().close();
    }

    /** Runs {@code op} as a target. */
    public void run(Op op) {
        runner().addTarget(op).run().close();
    }

    /** Runs every initializer not run yet (variables created with {@code tf.variable(init)}); mirrors {@code initialize()}. */
    public synchronized void initialize() {
        List<GraphOperation> todo = new ArrayList<>();
        for (GraphOperation op : graph.initializers()) {
            if (!initialized.contains(op)) {
                todo.add(op);
            }
        }
        runInitializers(todo);
    }

    /** Runs every initializer again; mirrors {@code forceInitialize()}. */
    public synchronized Session forceInitialize() {
        runInitializers(graph.initializers());
        return this;
    }

    /** The older spelling of {@link #initialize()}. */
    public void runInit() {
        initialize();
    }

    private void runInitializers(List<GraphOperation> ops) {
        if (ops.isEmpty()) {
            return;
        }
        Runner r = runner();
        ops.forEach(r::addTarget);
        r.runNoInit().close();
        initialized.addAll(ops);
    }

    private synchronized boolean hasUnranInitializers() {
        return !initialized.containsAll(graph.initializers());
    }

    /** TF-Java's {@code Runner.verifyInit}: auto-initializes, or refuses to run with un-ran initializers. */
    private void verifyInit() {
        if (hasUnranInitializers()) {
            if (autoInit) {
                initialize();
            } else {
                throw new IllegalStateException("Graph has un-ran initializers, but the session's autoInit is false."
                        + "  Run Session.initialize() before calling run().");
            }
        }
    }

    /**
     * Saves every {@code VariableV2} of the graph to checkpoint {@code prefix} ({@code prefix.index},
     * {@code prefix.data-00000-of-00001}), keyed by op name; mirrors TF-Java's {@code Session.save}:
     * on first use the graph gets a {@code save/} saver, and initializers not run yet run first (TF-Java's
     * run does that). TF reads the files with {@code Session.restore} or {@code RestoreV2}.
     */
    public synchronized void save(String prefix) {
        org.tensorflow.proto.SaverDef sd = graph.saverDef();
        initialize();
        runner().addTarget(sd.getSaveTensorName()).feed(sd.getFilenameTensorName(),
                dev.ember.tfcompat.types.TString.scalarOf(prefix)).run().close();
    }

    /**
     * Restores the graph's variables from checkpoint {@code prefix} (written by TF or by {@link #save});
     * mirrors TF-Java's {@code Session.restore}. Counts as initialization: every initializer is marked as run.
     */
    public synchronized void restore(String prefix) {
        org.tensorflow.proto.SaverDef sd = graph.saverDef();
        runner().addTarget(sd.getRestoreOpName()).feed(sd.getFilenameTensorName(),
                dev.ember.tfcompat.types.TString.scalarOf(prefix)).run().close();
        markAllInitializersAsRan();
    }

    /** Marks every initializer of the graph as run (a restored or loaded session); mirrors TF-Java. */
    synchronized void markAllInitializersAsRan() {
        initialized.addAll(graph.initializers());
    }

    /** A callable over this session with {@code signature}'s inputs and outputs; mirrors {@code Session.function}. */
    public SessionFunction function(Signature signature) {
        return new SessionFunction(signature, this);
    }

    /** Calls {@code signature} on this session with {@code arguments} by input name; mirrors {@code Session.run(Signature, Map)}. */
    public Result run(Signature signature, Map<String, Tensor> arguments) {
        return function(signature).call(arguments);
    }

    /** Engine internal: the session's variables. */
    public SessionState state() {
        return state;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Session has been closed");
        }
    }

    /** One run's feeds, fetches and targets; mirrors {@code Session.Runner}. */
    public final class Runner {
        private final Map<Output<?>, Tensor> feeds = new LinkedHashMap<>();
        private final List<Output<?>> fetches = new ArrayList<>();
        private final List<String> fetchNames = new ArrayList<>();
        private final List<GraphOperation> targets = new ArrayList<>();

        private Runner() {
        }

        /** Feeds {@code t} to the output named {@code "op"} or {@code "op:index"}. */
        public Runner feed(String operation, Tensor t) {
            return feed(outputNamed(operation), t);
        }

        /** Feeds {@code t} to output {@code index} of node {@code operation}. */
        public Runner feed(String operation, int index, Tensor t) {
            return feed(outputNamed(operation + ":" + index), t);
        }

        /** Feeds {@code t} to {@code operand}. */
        public Runner feed(Operand<?> operand, Tensor t) {
            Output<?> o = own(operand.asOutput());
            if (t == null) {
                throw new IllegalArgumentException("feed: null tensor for '" + o.name() + "'");
            }
            feeds.put(o, t);
            return this;
        }

        /** Fetches the output named {@code "op"} or {@code "op:index"}. */
        public Runner fetch(String operation) {
            Output<?> o = outputNamed(operation);
            fetches.add(readIfResource(o));
            fetchNames.add(operation.contains(":") ? operation : operation + ":0");
            return this;
        }

        /** Fetches output {@code index} of node {@code operation}. */
        public Runner fetch(String operation, int index) {
            return fetch(operation + ":" + index);
        }

        /** Fetches {@code output}. */
        public Runner fetch(Output<?> output) {
            fetches.add(readIfResource(own(output)));
            fetchNames.add(output.name());
            return this;
        }

        /** Fetches {@code operand}. */
        public Runner fetch(Operand<?> operand) {
            return fetch(operand.asOutput());
        }

        /** Runs the node named {@code operation} without fetching it. */
        public Runner addTarget(String operation) {
            GraphOperation op = graph.operation(operation);
            if (op == null && operation.lastIndexOf(':') > 0) {
                // "op:index" names the op, the index is ignored (as in TF-Java)
                op = graph.operation(operation.substring(0, operation.lastIndexOf(':')));
            }
            if (op == null) {
                throw new IllegalArgumentException("No Operation named [" + operation + "] in the Graph");
            }
            targets.add(op);
            return this;
        }

        /** Runs {@code operation} without fetching it. */
        public Runner addTarget(Operation operation) {
            if (!(operation instanceof GraphOperation) || operation.env() != graph) {
                throw new IllegalArgumentException("addTarget: '" + operation.name() + "' is not a node of this graph");
            }
            targets.add((GraphOperation) operation);
            return this;
        }

        /** Runs {@code op} without fetching it. */
        public Runner addTarget(Op op) {
            return addTarget(op.op());
        }

        /** Accepts TF's run options for compatibility; they do not apply to the engine. */
        public Runner setOptions(org.tensorflow.proto.RunOptions options) {
            return this;
        }

        /** {@code true} when nothing is fetched or targeted. */
        public boolean isEmpty() {
            return fetches.isEmpty() && targets.isEmpty();
        }

        /** Runs; the result holds the fetched values in fetch order. */
        public Result run() {
            checkOpen();
            verifyInit();
            return runNoInit();
        }

        /** The run without the initializer check (what {@code initialize()} itself uses). */
        Result runNoInit() {
            checkOpen();
            if (isEmpty()) {
                throw new IllegalArgumentException("Must specify at least one target to fetch or execute.");
            }
            Map<Output<?>, Value> in = new LinkedHashMap<>();
            int arg = 0;
            for (Map.Entry<Output<?>, Tensor> e : feeds.entrySet()) {
                in.put(e.getKey(), toValue(e.getKey(), e.getValue(), arg++));
            }
            Value[] out;
            synchronized (Session.this) {
                out = Executor.run(state, in, fetches, targets);
            }
            List<Tensor> tensors = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                tensors.add(toTensor(out[i], fetches.get(i)));
            }
            return new Result(new ArrayList<>(fetchNames), tensors);
        }

        private Output<?> outputNamed(String name) {
            Output<?> o = graph.output(name);
            if (o == null) {
                String op = name.contains(":") ? name.substring(0, name.lastIndexOf(':')) : name;
                throw new IllegalArgumentException(graph.operation(op) == null
                        ? "No Operation named [" + op + "] in the Graph"
                        : "Operation '" + op + "' has no output " + name.substring(name.lastIndexOf(':') + 1));
            }
            return o;
        }

        /**
         * A resource handle is fetched as its variable's value, as TF-Java does: through a
         * {@code ReadVariableOp} consumer of the handle, or a new one {@code session_reads/<op>_read}.
         */
        private Output<?> readIfResource(Output<?> o) {
            if (o.dataType() != org.tensorflow.proto.DataType.DT_RESOURCE) {
                return o;
            }
            GraphOperation handle = (GraphOperation) o.op();
            Object dtype = handle.attrMap().get("dtype");
            if (!(dtype instanceof org.tensorflow.proto.DataType)) {
                throw new IllegalArgumentException("cannot fetch the resource '" + o.name() + "': its producer ("
                        + handle.type() + ") declares no value dtype; fetch a ReadVariableOp of it");
            }
            for (GraphOperation c : handle.consumers()) {
                if (c.type().equals("ReadVariableOp") && c.input(0).equals(o) && dtype.equals(c.attrMap().get("dtype"))) {
                    return c.output(0);
                }
            }
            return graph.opBuilder("ReadVariableOp", graph.uniqueName("session_reads/" + handle.name() + "_read"))
                    .addInput(o).setAttr("dtype", (org.tensorflow.proto.DataType) dtype).build().output(0);
        }

        private Output<?> own(Output<?> o) {
            if (o.op().env() != graph) {
                throw new IllegalArgumentException("'" + o.name() + "' is not a node of this session's graph");
            }
            return o;
        }
    }

    private static Value toValue(Output<?> target, Tensor t, int arg) {
        if (t.dataType() != target.dataType()) {
            throw new TFInvalidArgumentException("Expects arg[" + arg + "] to be " + TypeInfo.of(target.dataType()).tfName()
                    + " but " + TypeInfo.of(t.dataType()).tfName() + " is provided (feeding '" + target.name() + "')");
        }
        Shape declared = target.shape();
        Shape fed = t.shape();
        if (!declared.isUnknown() && !compatible(declared, fed)) {
            throw new TFInvalidArgumentException("You must feed a value for placeholder tensor '" + target.op().name()
                    + "' with dtype " + TypeInfo.of(target.dataType()).tfName() + " and shape " + text(declared)
                    + ": the fed value has shape " + text(fed));
        }
        if (t instanceof TStringImpl) {
            return Value.strings(((TStringImpl) t).data().clone(), fed.asArray());
        }
        return Value.of(TypeInfo.toEngine(t), t.dataType());
    }

    private static Tensor toTensor(Value v, Output<?> fetch) {
        if (v.isStrings()) {
            return new TStringImpl(v.strings().clone(), Shape.of(v.shape()));
        }
        if (v.isResource()) {
            throw new TFInvalidArgumentException("cannot fetch the resource handle '" + fetch.name()
                    + "'; fetch a ReadVariableOp of it");
        }
        return TypeInfo.of(v.dtype()).fromEngine(v.tensor());
    }

    private static boolean compatible(Shape declared, Shape fed) {
        if (declared.numDimensions() != fed.numDimensions()) {
            return false;
        }
        for (int i = 0; i < fed.numDimensions(); i++) {
            if (declared.size(i) >= 0 && declared.size(i) != fed.size(i)) {
                return false;
            }
        }
        return true;
    }

    private static String text(Shape s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.numDimensions(); i++) {
            sb.append(i == 0 ? "" : ",").append(s.size(i) < 0 ? "?" : Long.toString(s.size(i)));
        }
        return sb.append(']').toString();
    }
}
