package dev.ember.tfcompat.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** What lives as long as a session: its variables, by name. */
public final class SessionState {
    private final Map<String, VariableSlot> variables = new LinkedHashMap<>();

    /** The slot of variable {@code name}, created (uninitialised) on first use. */
    public synchronized VariableSlot variable(String name, DataType dtype, Shape shape) {
        return variables.computeIfAbsent(name, n -> new VariableSlot(n, dtype, shape));
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
