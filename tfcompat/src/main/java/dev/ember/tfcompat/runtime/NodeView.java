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

    public NodeView(String name, String type, List<Output<?>> inputs, Map<String, Object> attrs) {
        super(name, type, attrs);
        this.inputs = inputs;
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
