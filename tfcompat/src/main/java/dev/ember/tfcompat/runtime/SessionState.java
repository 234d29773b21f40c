package dev.ember.tfcompat.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** What lives as long as a session: its variables, by name. */
public final class SessionState {
    private final Map<String, VariableSlot> variables = new LinkedHashMap<>();
    private final Map<String, VariableSlot> resources = new LinkedHashMap<>();

    /** The slot of variable {@code name}, created (uninitialised) on first use. */
    public synchronized VariableSlot variable(String name, DataType dtype, Shape shape) {
        return variables.computeIfAbsent(name, n -> new VariableSlot(n, dtype, shape));
    }

    /**
     * The resource variable {@code container/name} ({@code VarHandleOp}); a separate namespace from
     * TF1 variables, as in TF's resource manager. Created uninitialised on first use.
     */
    public synchronized VariableSlot resource(String container, String name, DataType dtype, Shape shape) {
        String key = (container.isEmpty() ? "localhost" : container) + "/" + name;
        return resources.computeIfAbsent(key, n -> new VariableSlot(name, dtype, shape));
    }

    /** All resource variables, by {@code container/name} (the default container is {@code localhost}). */
    public synchronized Map<String, VariableSlot> resources() {
        return new LinkedHashMap<>(resources);
    }

    /** All variables, by name. */
    public synchronized Map<String, VariableSlot> variables() {
        return new LinkedHashMap<>(variables);
    }

    private volatile boolean layoutOptimizer = true;

    /** Whether runs keep NHWC tensors in NCHW between ops (see {@link LayoutPass}); on by default, like TF's layout optimizer. */
    public boolean layoutOptimizer() {
        return layoutOptimizer;
    }

    /** Turns the layout pass on or off for later runs. */
    public void layoutOptimizer(boolean on) {
        this.layoutOptimizer = on;
    }
}
