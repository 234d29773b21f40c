package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.Map;
import java.util.Set;

/**
 * Parameters by name, in insertion order; mirrors {@code torch.nn.ParameterDict}. As a child module
 * it gives parameters dotted state_dict keys ({@code conv1.kernel}), e.g. for variables that lived
 * in a TF name scope. It has no forward of its own.
 */
public class ParameterDict extends Module {

    public ParameterDict() {
    }

    public ParameterDict(Map<String, Tensor> parameters) {
        parameters.forEach(this::put);
    }

    /** Registers (or replaces) parameter {@code name} (made a leaf requiring grad) and returns it. */
    public Tensor put(String name, Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException("ParameterDict.put(\"" + name + "\"): the value is null");
        }
        return registerParameter(name, value);
    }

    /** The parameter named {@code name}. */
    public Tensor get(String name) {
        Tensor t = namedParameters().get(name);
        if (t == null || !keys().contains(name)) {
            throw new IllegalArgumentException("ParameterDict: no parameter named '" + name + "' (have " + keys() + ")");
        }
        return t;
    }

    /** The names, in insertion order. */
    public Set<String> keys() {
        return new java.util.LinkedHashSet<>(namedParameters().keySet());
    }

    public int size() {
        return keys().size();
    }

    /** Refused, as in PyTorch: a ParameterDict is a container. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalStateException("ParameterDict has no forward(); use its parameters by name");
    }
}
