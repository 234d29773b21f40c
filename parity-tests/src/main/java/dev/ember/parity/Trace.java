package dev.ember.parity;

import dev.ember.engine.Tensor;

/**
 * Where an engine side reports its per-layer intermediates: {@code h = trace.record("fc1", h)}.
 * The order of {@code record} calls is the layer order used to find the first diverging layer.
 * {@code record} returns the tensor to continue with (the harness returns it unchanged; a test-only
 * wrapper may return a perturbed one, which then flows into later layers).
 */
@FunctionalInterface
public interface Trace {

    /** A trace that records nothing: what a side gets when no intermediates are compared. */
    Trace NONE = (name, t) -> t;

    /** Records {@code t} as the intermediate {@code name}; returns the tensor to use from here on. */
    Tensor record(String name, Tensor t);
}
