package dev.ember.parity;

import java.util.Map;
import org.tensorflow.Tensor;

/**
 * The TensorFlow side of a parity case: any code using the real TF-Java runtime that maps named
 * input tensors (TF layout, e.g. {@code TFloat32}) to named output tensors. Gradients come back as
 * outputs too, named {@code d<scalar>/d<name>} (see {@link Parity#gradientName}), e.g. computed with
 * {@code Graph.addGradients}. {@link TfGraphSide} and {@link TfSavedModelSide} cover the usual
 * cases.
 *
 * <p>The harness owns the input tensors (it closes them after the run) and the returned tensors
 * (it copies their values, then closes them): do not close or reuse either.
 */
@FunctionalInterface
public interface TfSide {

    /** Runs the program on {@code inputs}; returns the named outputs (and gradients). */
    Map<String, Tensor> run(Map<String, Tensor> inputs);

    /**
     * The named intermediates (one per layer) for per-layer localisation, matched by name with the
     * engine's {@link Trace}; none by default. Called only when the harness localises a failure.
     */
    default Map<String, Tensor> intermediates(Map<String, Tensor> inputs) {
        return Map.of();
    }
}
