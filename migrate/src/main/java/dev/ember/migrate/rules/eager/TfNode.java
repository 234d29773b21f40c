package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a TF-Java graph program's dataflow graph: the op that makes it (a key of
 * {@link OpTranslations}), its TF inputs, its constant attributes, the TF node name, the Java
 * variable it was assigned to, and what is statically known of its dtype and shape.
 */
final class TfNode {
    final int id;
    final String op;
    final List<TfNode> inputs;
    final Map<String, Object> attrs = new LinkedHashMap<>();
    final Node source;
    final List<TfNode> controlDeps = new ArrayList<>();
    /** The top-level statement of the program that created the node. */
    Statement statement;
    /** The full TF node name, e.g. {@code conv1/kernel}. */
    String tfName;
    /** The Java local the node was assigned to, if any. */
    String javaName;
    /** {@code float32}, {@code float64}, {@code int32}, {@code int64}, {@code bool} or null when unknown. */
    String dtype;
    /** Static shape: null when even the rank is unknown, -1 for unknown dimensions. */
    long[] shape;

    TfNode(int id, String op, List<TfNode> inputs, Node source) {
        this.id = id;
        this.op = op;
        this.inputs = List.copyOf(inputs);
        this.source = source;
    }

    TfNode input(int i) {
        return inputs.get(i);
    }

    Object attr(String key) {
        return attrs.get(key);
    }

    int rank() {
        return shape == null ? -1 : shape.length;
    }

    boolean isFloat() {
        return "float32".equals(dtype) || "float64".equals(dtype);
    }

    /** Ops with effects outside their outputs (variable updates): TF1 runs them only when asked. */
    boolean isStateful() {
        return OpTranslations.isStateful(op);
    }

    /** A readable name for reports: the Java variable, else the TF name. */
    String label() {
        return javaName != null ? javaName : tfName != null ? tfName : op;
    }

    @Override
    public String toString() {
        return op + "#" + id + (tfName == null ? "" : "(" + tfName + ")")
                + (shape == null ? "" : Arrays.toString(shape));
    }
}
