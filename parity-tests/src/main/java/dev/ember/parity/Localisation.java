package dev.ember.parity;

import java.util.List;
import java.util.Optional;

/**
 * The per-layer re-run of a case: the intermediates both sides exposed, matched by name and compared
 * in the engine's layer order (the order of its {@link Trace#record} calls), and the first layer that
 * diverges. Names only one side exposed are listed, not compared.
 */
public final class Localisation {
    private final List<TensorComparison> layers;
    private final List<String> engineOnly;
    private final List<String> tfOnly;

    Localisation(List<TensorComparison> layers, List<String> engineOnly, List<String> tfOnly) {
        this.layers = List.copyOf(layers);
        this.engineOnly = List.copyOf(engineOnly);
        this.tfOnly = List.copyOf(tfOnly);
    }

    /** The matched intermediates in layer order. */
    public List<TensorComparison> layers() {
        return layers;
    }

    /** The first layer (in layer order) whose comparison fails; empty when all matched layers agree. */
    public Optional<TensorComparison> firstDivergingLayer() {
        return layers.stream().filter(c -> !c.passed()).findFirst();
    }

    /** Intermediates only the engine recorded (in its order). */
    public List<String> engineOnly() {
        return engineOnly;
    }

    /** Intermediates only the TF side exposed. */
    public List<String> tfOnly() {
        return tfOnly;
    }

    /** One line: the first diverging layer, or that all matched layers agree, and the unmatched names. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        Optional<TensorComparison> first = firstDivergingLayer();
        if (first.isPresent()) {
            s.append("first diverging layer: ").append(first.get().name()).append(" (layer ")
                    .append(layers.indexOf(first.get()) + 1).append(" of ").append(layers.size()).append(")");
        } else {
            s.append("all ").append(layers.size()).append(" matched layers agree");
        }
        if (!engineOnly.isEmpty()) {
            s.append("; engine only: ").append(engineOnly);
        }
        if (!tfOnly.isEmpty()) {
            s.append("; TF only: ").append(tfOnly);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
