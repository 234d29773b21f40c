package dev.ember.parity;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The engine side of a parity case: maps named engine tensors (engine layout, e.g. NCHW) to named
 * outputs, reporting per-layer intermediates through a {@link Trace}. Gradients are computed by the
 * harness with {@code Autograd.grad} of the declared scalar output with respect to the declared
 * inputs (given to the side with {@code requiresGrad}) and {@link #parameters()}.
 */
@FunctionalInterface
public interface EngineSide {

    /** Runs the migrated program; {@code trace.record(name, t)} each layer output worth localising. */
    Map<String, Tensor> run(Map<String, Tensor> inputs, Trace trace);

    /** Named parameters (leaf tensors requiring grad) that gradients may be taken with respect to; none by default. */
    default Map<String, Tensor> parameters() {
        return Map.of();
    }

    /** A side without intermediates: {@code EngineSide.of(in -> Map.of("y", in.get("x").relu()))}. */
    static EngineSide of(Function<Map<String, Tensor>, Map<String, Tensor>> fn) {
        return (inputs, trace) -> fn.apply(inputs);
    }

    /** A side that records intermediates through its {@link Trace}. */
    static EngineSide traced(BiFunction<Map<String, Tensor>, Trace, Map<String, Tensor>> fn) {
        return fn::apply;
    }

    /** This side with {@code parameters} (e.g. {@code module.namedParameters()}) exposed for gradients. */
    default EngineSide withParameters(Map<String, Tensor> parameters) {
        EngineSide self = this;
        Map<String, Tensor> params = new LinkedHashMap<>(parameters);
        return new EngineSide() {
            @Override
            public Map<String, Tensor> run(Map<String, Tensor> inputs, Trace trace) {
                return self.run(inputs, trace);
            }

            @Override
            public Map<String, Tensor> parameters() {
                return params;
            }
        };
    }
}
