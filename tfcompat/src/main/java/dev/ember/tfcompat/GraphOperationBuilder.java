package dev.ember.tfcompat;

import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.runtime.Kernel;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OutputSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Adds one node to a {@link Graph}; mirrors {@code org.tensorflow.GraphOperationBuilder}. */
public final class GraphOperationBuilder implements OperationBuilder {
    private final Graph graph;
    private final String type;
    private final String name;
    private final Scope scope;
    private final List<Output<?>> inputs = new ArrayList<>();
    private final List<GraphOperation> controlInputs = new ArrayList<>();
    private final Map<String, Object> attrs = new LinkedHashMap<>();
    private String device = "";
    private boolean built;

    GraphOperationBuilder(Graph graph, String type, String name, Scope scope) {
        this.graph = graph;
        this.type = type;
        this.name = name;
        this.scope = scope;
    }

    @Override
    public GraphOperation build() {
        if (built) {
            throw new IllegalStateException("build() called twice on the builder of '" + name + "'");
        }
        built = true;
        Kernel kernel = graph.kernelFor(type, name);
        OutputSpec[] specs = kernel.outputs(new NodeView(name, type, inputs, attrs, graph));
        DataType[] types = new DataType[specs.length];
        Shape[] shapes = new Shape[specs.length];
        for (int i = 0; i < specs.length; i++) {
            types[i] = specs[i].dtype();
            shapes[i] = specs[i].shape();
        }
        if (scope != null) {
            for (Operation c : scope.controlDependencies()) {
                addControlInput(c);
            }
        }
        GraphOperation op = new GraphOperation(graph, name, type, inputs, controlInputs, attrs, types, shapes, device,
                kernel);
        graph.add(op);
        if (scope != null && scope.isInit()) {
            graph.registerInitOp(op);
        }
        return op;
    }

    private GraphOperation own(Operation op, String role) {
        if (!(op instanceof GraphOperation) || op.env() != graph) {
            throw new IllegalArgumentException(role + " '" + op.name() + "' of node '" + name
                    + "' belongs to another graph (or to an eager session)");
        }
        return (GraphOperation) op;
    }

    @Override
    public GraphOperationBuilder addInput(Output<?> input) {
        own(input.op(), "input");
        inputs.add(input);
        return this;
    }

    @Override
    public GraphOperationBuilder addInputList(Output<?>[] list) {
        for (Output<?> o : list) {
            addInput(o);
        }
        return this;
    }

    @Override
    public GraphOperationBuilder addControlInput(Operation control) {
        GraphOperation c = own(control, "control input");
        if (!controlInputs.contains(c)) {
            controlInputs.add(c);
        }
        return this;
    }

    @Override
    public GraphOperationBuilder setDevice(String device) {
        this.device = device == null ? "" : device;
        return this;
    }

    /** Engine internal: sets an attribute from a value of any supported attribute type (GraphDef import). */
    public GraphOperationBuilder setAttrValue(String key, Object value) {
        return put(key, value);
    }

    private GraphOperationBuilder put(String key, Object value) {
        attrs.put(key, value);
        return this;
    }

    @Override
    public GraphOperationBuilder setAttr(String key, String value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, String[] value) {
        return put(key, value.clone());
    }

    @Override
    public GraphOperationBuilder setAttr(String key, byte[] value) {
        return put(key, new String(value, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public GraphOperationBuilder setAttr(String key, long value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, long[] value) {
        return put(key, value.clone());
    }

    @Override
    public GraphOperationBuilder setAttr(String key, float value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, float[] value) {
        return put(key, value.clone());
    }

    @Override
    public GraphOperationBuilder setAttr(String key, boolean value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, boolean[] value) {
        return put(key, value.clone());
    }

    @Override
    public GraphOperationBuilder setAttr(String key, DataType value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, DataType[] value) {
        return put(key, value.clone());
    }

    @Override
    public GraphOperationBuilder setAttr(String key, Tensor value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, Tensor[] value) {
        return put(key, value.clone());
    }

    @Override
    public GraphOperationBuilder setAttr(String key, Shape value) {
        return put(key, value);
    }

    @Override
    public GraphOperationBuilder setAttr(String key, Shape[] value) {
        return put(key, value.clone());
    }
}
