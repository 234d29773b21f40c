package dev.ember.tfcompat.runtime;

import dev.ember.engine.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-run bookkeeping. Variables that a {@code Gradients} node differentiates with respect to are
 * read, within one run, as one leaf tensor that requires grad (until the variable is assigned), so
 * that every consumer's graph leads back to the same leaf.
 */
public final class RunState {
    private final Set<VariableSlot> gradientSlots;
    private final Map<VariableSlot, Tensor> leaves = new IdentityHashMap<>();
    private final Map<VariableSlot, Long> leafVersions = new IdentityHashMap<>();
    private final boolean createGraph;

    RunState(Set<VariableSlot> gradientSlots, boolean createGraph) {
        this.gradientSlots = gradientSlots;
        this.createGraph = createGraph;
    }

    /** Marks a variable as differentiated in this run (its reads become one gradient leaf). */
    void addGradientSlot(VariableSlot slot) {
        gradientSlots.add(slot);
    }

    /** The tensor of a value, reading variables (as gradient leaves where needed). */
    public Tensor read(Value v) {
        if (!v.isRef() && !v.isResource()) {
            return v.tensor();
        }
        return readVariable(v.slot());
    }

    /** The current value of a variable, as a gradient leaf when a Gradients node needs it. */
    public Tensor readVariable(VariableSlot slot) {
        Tensor current = slot.read();
        if (!gradientSlots.contains(slot) || !current.dtype().isFloatingPoint()) {
            return current;
        }
        Long seen = leafVersions.get(slot);
        if (seen == null || seen != slot.version()) {
            leaves.put(slot, current.detach().requiresGrad_(true));
            leafVersions.put(slot, slot.version());
        }
        return leaves.get(slot);
    }

    /** Whether gradient computations should build differentiable graphs (nested gradients). */
    public boolean createGraph() {
        return createGraph;
    }
}
