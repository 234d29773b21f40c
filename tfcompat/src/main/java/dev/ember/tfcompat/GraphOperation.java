package dev.ember.tfcompat;

import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** A node of a {@link Graph}; mirrors {@code org.tensorflow.GraphOperation}. */
public final class GraphOperation extends AbstractOperation {
    private final Graph graph;
    private final String name;
    private final String type;
    private final List<Output<?>> inputs;
    private final List<GraphOperation> controlInputs;
    private final Map<String, Object> attrs;
    private final DataType[] outputTypes;
    private final Shape[] outputShapes;
    private final String device;
    private final dev.ember.tfcompat.runtime.Kernel kernel;
    private Object runtimeCache;

    GraphOperation(Graph graph, String name, String type, List<Output<?>> inputs, List<GraphOperation> controlInputs,
            Map<String, Object> attrs, DataType[] outputTypes, Shape[] outputShapes, String device,
            dev.ember.tfcompat.runtime.Kernel kernel) {
        this.graph = graph;
        this.name = name;
        this.type = type;
        this.inputs = List.copyOf(inputs);
        this.controlInputs = List.copyOf(controlInputs);
        this.attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
        this.outputTypes = outputTypes;
        this.outputShapes = outputShapes;
        this.device = device;
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Graph env() {
        return graph;
    }

    @Override
    public int numOutputs() {
        return outputTypes.length;
    }

    /** The device string given at build time ({@code ""} when none); tfcompat runs everything on the engine. */
    public String device() {
        return device;
    }

    public int numInputs() {
        return inputs.size();
    }

    /** Input {@code idx}. */
    public Output<?> input(int idx) {
        return inputs.get(idx);
    }

    /** All inputs, in order. */
    public List<Operand<?>> inputs() {
        return new ArrayList<>(inputs);
    }

    /** Inputs {@code idx .. idx+length-1}. */
    public Output<?>[] inputList(int idx, int length) {
        return inputs.subList(idx, idx + length).toArray(new Output<?>[0]);
    }

    public int numControlInputs() {
        return controlInputs.size();
    }

    /** Operations that must run before this one. */
    public Set<GraphOperation> controlInputs() {
        return new LinkedHashSet<>(controlInputs);
    }

    /** Operations reading any output of this one. */
    public Set<GraphOperation> consumers() {
        Set<GraphOperation> out = new LinkedHashSet<>();
        for (GraphOperation op : graph.allOperations()) {
            for (Output<?> in : op.inputs) {
                if (in.op() == this) {
                    out.add(op);
                }
            }
        }
        return out;
    }

    /** Operations with a control dependency on this one. */
    public Set<GraphOperation> controlConsumers() {
        Set<GraphOperation> out = new LinkedHashSet<>();
        for (GraphOperation op : graph.allOperations()) {
            if (op.controlInputs.contains(this)) {
                out.add(op);
            }
        }
        return out;
    }

    /** Typed attribute reads. */
    public OperationAttributeInspector attributes() {
        return new OperationAttributeInspector(this, attrs);
    }

    /** Engine internal: the raw attributes (Long, Float, Boolean, String, DataType, Shape, arrays, Tensor). */
    public Map<String, Object> attrMap() {
        return attrs;
    }

    /** Engine internal: the inputs as outputs. */
    public List<Output<?>> inputOutputs() {
        return inputs;
    }

    /** Engine internal: the control inputs in order. */
    public List<GraphOperation> controlInputList() {
        return controlInputs;
    }

    /** Engine internal: the kernel running this node (a registry entry, or a call of a library function). */
    public dev.ember.tfcompat.runtime.Kernel kernel() {
        return kernel;
    }

    /**
     * The number of outputs in output argument {@code argName} (TF's names, e.g. {@code "tensors"} of
     * {@code RestoreV2}); mirrors {@code outputListLength}. Fails naming the node when the argument is unknown.
     */
    public int outputListLength(String argName) {
        java.util.List<dev.ember.tfcompat.runtime.OutputArg> args = kernel.outputArgs(
                new dev.ember.tfcompat.runtime.NodeView(name, type, inputs, attrs), numOutputs());
        int[] range = args == null ? null : dev.ember.tfcompat.runtime.OutputArg.range(args, argName);
        if (range == null) {
            if (args == null && numOutputs() == 1) {
                return 1;
            }
            throw new IllegalArgumentException("Operation '" + name + "' (" + type + ") has no output list named '"
                    + argName + "'" + (args == null ? "" : "; its outputs: " + args));
        }
        return range[1];
    }

    /** Engine internal: a per-operation slot for the runtime (e.g. a converted constant). */
    public Object runtimeCache() {
        return runtimeCache;
    }

    /** Engine internal: sets the runtime slot. */
    public void runtimeCache(Object value) {
        this.runtimeCache = value;
    }

    @Override
    DataType outputType(int i) {
        return outputTypes[i];
    }

    @Override
    Shape outputShape(int i) {
        return outputShapes[i];
    }

    @Override
    TType tensor(int i) {
        throw new IllegalStateException("Graph tensors must be fetched by running a session");
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }
}
