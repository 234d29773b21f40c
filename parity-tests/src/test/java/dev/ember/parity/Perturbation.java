package dev.ember.parity;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only hook proving the harness finds real bugs: wraps an engine side so that one named
 * intermediate (through the {@link Trace}, so the error flows into every later layer, the outputs
 * and the gradients, like a buggy op would) or one named output gets {@code epsilon} added at one
 * flat index of the engine layout.
 */
final class Perturbation {
    private Perturbation() {
    }

    static EngineSide add(EngineSide side, String tensor, long flatIndex, double epsilon) {
        return new EngineSide() {
            @Override
            public Map<String, Tensor> run(Map<String, Tensor> inputs, Trace trace) {
                Map<String, Tensor> out = new LinkedHashMap<>(side.run(inputs,
                        (name, t) -> trace.record(name, name.equals(tensor) ? bump(t) : t)));
                out.computeIfPresent(tensor, (name, t) -> bump(t));
                return out;
            }

            @Override
            public Map<String, Tensor> parameters() {
                return side.parameters();
            }

            private Tensor bump(Tensor t) {
                if (flatIndex < 0 || flatIndex >= t.numel()) {
                    throw new IllegalArgumentException("Perturbation: index " + flatIndex + " outside '" + tensor
                            + "' with " + t.numel() + " elements");
                }
                double[] delta = new double[(int) t.numel()];
                delta[(int) flatIndex] = epsilon;
                return t.add(Tensor.fromArray(delta, t.shape()).to(t.dtype()));
            }
        };
    }
}
