package dev.ember.tfcompat;

import dev.ember.tfcompat.op.OpScope;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.runtime.FunctionLibrary;
import dev.ember.tfcompat.runtime.Kernel;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.kernels.FunctionKernels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataflow graph; mirrors {@code org.tensorflow.Graph}. Building records nodes; a
 * {@link Session} evaluates the ones a run needs, on the engine.
 */
public final class Graph implements ExecutionEnvironment, AutoCloseable {
    private final Map<String, GraphOperation> ops = new LinkedHashMap<>();
    private final Set<GraphOperation> initializers = new LinkedHashSet<>();
    private final OpScope baseScope = new OpScope(this);
    private final FunctionLibrary library;
    private org.tensorflow.proto.SaverDef saverDef;
    private boolean closed;

    public Graph() {
        this(new FunctionLibrary());
    }

    private Graph(FunctionLibrary library) {
        this.library = library;
    }

    /** Engine internal: a graph sharing {@code library} (function bodies see the caller's functions). */
    public static Graph withLibrary(FunctionLibrary library) {
        return new Graph(library);
    }

    /** Engine internal: the graph's function library ({@code GraphDef.library}). */
    public FunctionLibrary functionLibrary() {
        return library;
    }

    /**
     * Engine internal: the kernel of op type {@code type}: the registry's, or a direct call when
     * {@code type} names a library function; otherwise an error naming the type and the node.
     */
    public Kernel kernelFor(String type, String node) {
        Kernel k = OpRegistry.get(type);
        if (k == null && library.contains(type)) {
            return FunctionKernels.direct(type);
        }
        return k != null ? k : OpRegistry.require(type, node);
    }

    @Override
    public synchronized GraphOperationBuilder opBuilder(String type, String name, Scope scope) {
        checkOpen();
        return new GraphOperationBuilder(this, type, name, scope);
    }

    /** A builder for a node of {@code type} named exactly {@code name}; the legacy two-argument form. */
    public GraphOperationBuilder opBuilder(String type, String name) {
        return opBuilder(type, name, null);
    }

    @Override
    public Scope baseScope() {
        return baseScope;
    }

    @Override
    public Types environmentType() {
        return Types.GRAPH;
    }

    /** The node named {@code name}, or {@code null}; mirrors {@code Graph.operation}. */
    public synchronized GraphOperation operation(String name) {
        checkOpen();
        return ops.get(name);
    }

    /** The node named {@code name}; fails naming it when absent. */
    public GraphOperation operationOrThrow(String name) {
        GraphOperation op = operation(name);
        if (op == null) {
            throw new IllegalArgumentException("No Operation named [" + name + "] in the Graph");
        }
        return op;
    }

    /** The output {@code "name:index"} (index 0 when omitted), or {@code null}. */
    public Output<?> output(String output) {
        int colon = output.lastIndexOf(':');
        String name = output;
        int index = 0;
        if (colon > 0) {
            try {
                index = Integer.parseInt(output.substring(colon + 1));
                name = output.substring(0, colon);
            } catch (NumberFormatException e) {
                name = output;
            }
        }
        GraphOperation op = operation(name);
        if (op == null || index >= op.numOutputs()) {
            return null;
        }
        return op.output(index);
    }

    /** The output {@code "name:index"}; fails naming it when absent. */
    public Output<?> outputOrThrow(String output) {
        Output<?> o = output(output);
        if (o == null) {
            throw new IllegalArgumentException("No Operation named [" + output + "] in the Graph");
        }
        return o;
    }

    /** All nodes, in insertion order; mirrors {@code Graph.operations()}. */
    public synchronized Iterator<GraphOperation> operations() {
        checkOpen();
        return new ArrayList<>(ops.values()).iterator();
    }

    @Override
    public synchronized void registerInitOp(Operation op) {
        initializers.add((GraphOperation) op);
    }

    @Override
    public synchronized boolean isInitializer(Operation op) {
        return initializers.contains(op);
    }

    /** The initializer nodes, in registration order (what {@code Session.initialize()} runs). */
    public synchronized List<GraphOperation> initializers() {
        return new ArrayList<>(initializers);
    }

    /**
     * Adds nodes computing {@code d(sum of y)/d(x)} for each x; mirrors {@code Graph.addGradients}.
     * The node runs on engine autograd (see {@code Ops.gradients}).
     */
    public Output<?>[] addGradients(Output<?> y, Output<?>[] x) {
        return addGradients(null, new Output<?>[] {y}, x, null);
    }

    /** {@code addGradients} with several ys, an optional name prefix and optional initial gradients {@code dx}. */
    public synchronized Output<?>[] addGradients(String prefix, Output<?>[] y, Output<?>[] x, Output<?>[] dx) {
        Scope scope = prefix == null ? baseScope : baseScope.withSubScope(prefix);
        GraphOperationBuilder b = opBuilder(dev.ember.tfcompat.runtime.kernels.CoreKernels.GRADIENTS,
                scope.makeOpName("Gradients"), scope);
        b.addInputList(y).addInputList(x);
        if (dx != null) {
            if (dx.length != y.length) {
                throw new IllegalArgumentException("addGradients: " + dx.length + " dx for " + y.length + " y");
            }
            b.addInputList(dx);
        }
        b.setAttr("num_ys", (long) y.length).setAttr("num_xs", (long) x.length);
        GraphOperation op = b.build();
        return op.outputList(0, x.length);
    }

    /** Builds the condition or the body of {@link #whileLoop}; mirrors {@code Graph.WhileSubgraphBuilder}. */
    public interface WhileSubgraphBuilder {
        /** Adds to {@code g} the nodes computing {@code outputs} from {@code inputs} (fill {@code outputs}). */
        void buildSubgraph(Graph g, Output<?>[] inputs, Output<?>[] outputs);
    }

    /**
     * A while loop over {@code inputs}; mirrors {@code Graph.whileLoop}. The condition (one bool output)
     * and the body (one output per input) are built into graphs of their own and become library functions
     * of a {@code StatelessWhile} node ({@code While} when they hold stateful ops), the TF2 form: TF1
     * Enter/Exit/NextIteration frames are not run by tfcompat.
     */
    public synchronized Output<?>[] whileLoop(Output<?>[] inputs, WhileSubgraphBuilder cgBuilder,
            WhileSubgraphBuilder bgBuilder, String name) {
        checkOpen();
        org.tensorflow.proto.FunctionDef cond = subgraph(functionName(name + "_cond"), inputs, cgBuilder, 1);
        org.tensorflow.proto.FunctionDef body = subgraph(functionName(name + "_body"), inputs, bgBuilder, inputs.length);
        if (cond.getSignature().getOutputArg(0).getType() != org.tensorflow.proto.DataType.DT_BOOL) {
            throw new IllegalArgumentException("whileLoop '" + name + "': the condition must output a bool, got "
                    + cond.getSignature().getOutputArg(0).getType());
        }
        library.add(cond);
        library.add(body);
        boolean stateful = cond.getSignature().getIsStateful() || body.getSignature().getIsStateful();
        org.tensorflow.proto.DataType[] types = new org.tensorflow.proto.DataType[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            types[i] = inputs[i].dataType();
        }
        GraphOperation op = opBuilder(stateful ? "While" : "StatelessWhile", uniqueName(name)).addInputList(inputs)
                .setAttr("T", types).setAttr("parallel_iterations", 10L)
                .setAttrValue("cond", new dev.ember.tfcompat.internal.graphdef.FunctionAttr(cond.getSignature().getName(),
                        java.util.Map.of()))
                .setAttrValue("body", new dev.ember.tfcompat.internal.graphdef.FunctionAttr(body.getSignature().getName(),
                        java.util.Map.of()))
                .build();
        return op.outputList(0, inputs.length);
    }

    private org.tensorflow.proto.FunctionDef subgraph(String function, Output<?>[] inputs, WhileSubgraphBuilder builder,
            int numOutputs) {
        Graph sub = new Graph(library);
        List<Output<?>> args = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            args.add(sub.opBuilder("Placeholder", "input_" + i).setAttr("dtype", inputs[i].dataType())
                    .setAttr("shape", inputs[i].shape()).build().output(0));
        }
        Output<?>[] outputs = new Output<?>[numOutputs];
        builder.buildSubgraph(sub, args.toArray(new Output<?>[0]), outputs);
        return dev.ember.tfcompat.internal.graphdef.FunctionDefs.fromGraph(sub, function, args, outputs);
    }

    private String functionName(String candidate) {
        String n = candidate;
        for (int i = 1; library.contains(n); i++) {
            n = candidate + "_" + i;
        }
        return n;
    }

    /**
     * Adds a GraphDef's nodes (a graph built in Python or exported by TF-Java); mirrors
     * {@code importGraphDef}. All op types tfcompat lacks are reported at once, before anything is added.
     */
    public void importGraphDef(org.tensorflow.proto.GraphDef graphDef) {
        importGraphDef(graphDef, null);
    }

    /** {@link #importGraphDef(org.tensorflow.proto.GraphDef)} with every name prefixed by {@code prefix/}. */
    public void importGraphDef(org.tensorflow.proto.GraphDef graphDef, String prefix) {
        checkOpen();
        dev.ember.tfcompat.internal.graphdef.GraphDefs.importInto(this, graphDef, prefix);
    }

    /** Serialized GraphDef bytes (the legacy {@code importGraphDef(byte[])}); malformed bytes are a clear error. */
    public void importGraphDef(byte[] graphDef) {
        importGraphDef(parse(graphDef), null);
    }

    private static org.tensorflow.proto.GraphDef parse(byte[] bytes) {
        try {
            return org.tensorflow.proto.GraphDef.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Invalid GraphDef: the bytes are not a serialized GraphDef ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The graph as a GraphDef; mirrors {@code toGraphDef()}. */
    public org.tensorflow.proto.GraphDef toGraphDef() {
        checkOpen();
        return dev.ember.tfcompat.internal.graphdef.GraphDefs.export(this);
    }

    /**
     * The saver of this graph, as TF-Java's {@code Graph.saverDef()}: the one given by a loaded
     * SavedModel, else an existing {@code save/restore_all} saver, else one built now over every
     * {@code VariableV2} (variables added later are not covered by it).
     */
    synchronized org.tensorflow.proto.SaverDef saverDef() {
        if (saverDef == null) {
            saverDef = Savers.existing(this);
            if (saverDef == null) {
                saverDef = Savers.addVariableSaver(this);
            }
        }
        return saverDef;
    }

    /** Sets the saver (a SavedModel's {@code MetaGraphDef.saver_def}). */
    synchronized void saverDef(org.tensorflow.proto.SaverDef def) {
        this.saverDef = def;
    }

    /** A unique node name from {@code candidate}: itself, else {@code candidate_1}, {@code _2}... */
    public synchronized String uniqueName(String candidate) {
        if (!ops.containsKey(candidate)) {
            return candidate;
        }
        for (int i = 1;; i++) {
            String n = candidate + "_" + i;
            if (!ops.containsKey(n)) {
                return n;
            }
        }
    }

    synchronized void add(GraphOperation op) {
        checkOpen();
        if (ops.containsKey(op.name())) {
            throw new IllegalArgumentException("Duplicate node name in graph: '" + op.name() + "'");
        }
        ops.put(op.name(), op);
    }

    synchronized Collection<GraphOperation> allOperations() {
        return new ArrayList<>(ops.values());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("close() has been called on the Graph");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
