package dev.ember.tfcompat.runtime;

import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.Output;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** What a kernel sees of a node at graph-building time: attributes, input types and static shapes. */
public final class NodeView extends Attrs {
    private final List<Output<?>> inputs;
    private final dev.ember.tfcompat.Graph graph;

    public NodeView(String name, String type, List<Output<?>> inputs, Map<String, Object> attrs) {
        this(name, type, inputs, attrs, null);
    }

    /** A view of a node being added to {@code graph} (kernels of call ops look functions up there). */
    public NodeView(String name, String type, List<Output<?>> inputs, Map<String, Object> attrs,
            dev.ember.tfcompat.Graph graph) {
        super(name, type, attrs);
        this.inputs = inputs;
        this.graph = graph;
    }

    /** The graph the node is added to, or {@code null} when not known. */
    public dev.ember.tfcompat.Graph graph() {
        return graph;
    }

    /** The node producing input {@code i} (e.g. to read a {@code VarHandleOp}'s declared shape). */
    public GraphOperation inputOp(int i) {
        return (GraphOperation) inputs.get(i).op();
    }

    public int numInputs() {
        return inputs.size();
    }

    public DataType inputType(int i) {
        return inputs.get(i).dataType();
    }

    public Shape inputShape(int i) {
        return inputs.get(i).shape();
    }

    /** The value of input {@code i} when it comes straight from a {@code Const} node (for shape inference). */
    public Optional<dev.ember.tfcompat.Tensor> constantInput(int i) {
        GraphOperation op = (GraphOperation) inputs.get(i).op();
        if (op.type().equals("Const") && op.attrMap().get("value") instanceof dev.ember.tfcompat.Tensor) {
            return Optional.of((dev.ember.tfcompat.Tensor) op.attrMap().get("value"));
        }
        return Optional.empty();
    }

    /** Throws unless there are exactly {@code n} inputs. */
    public NodeView expectInputs(int n) {
        if (inputs.size() != n) {
            throw invalid("expects " + n + " inputs, got " + inputs.size());
        }
        return this;
    }
}
