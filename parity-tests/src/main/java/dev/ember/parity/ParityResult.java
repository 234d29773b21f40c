package dev.ember.parity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of one parity case: one {@link TensorComparison} per named output and gradient, the
 * per-layer {@link Localisation} when intermediates were compared, the inputs and their seed.
 * A case passes when every output, every gradient and every matched intermediate passes.
 */
public final class ParityResult {
    private final String caseName;
    private final long seed;
    private final Map<String, Input> inputs;
    private final List<TensorComparison> comparisons;
    private final Localisation localisation;

    ParityResult(String caseName, long seed, Map<String, Input> inputs, List<TensorComparison> comparisons,
            Localisation localisation) {
        this.caseName = caseName;
        this.seed = seed;
        this.inputs = inputs;
        this.comparisons = List.copyOf(comparisons);
        this.localisation = localisation;
    }

    public String caseName() {
        return caseName;
    }

    /** The seed the inputs were drawn from. */
    public long seed() {
        return seed;
    }

    /** The declared inputs (TF-layout shapes, distributions, layouts), in declaration order. */
    public Map<String, Input> inputs() {
        return inputs;
    }

    /** Outputs then gradients, in the engine's output order then the declared gradient order. */
    public List<TensorComparison> comparisons() {
        return comparisons;
    }

    /** The per-layer comparison, when the case was re-run with intermediates. */
    public Optional<Localisation> localisation() {
        return Optional.ofNullable(localisation);
    }

    /** The comparison of the output or gradient {@code name}, e.g. {@code logits} or {@code dloss/dw}. */
    public Optional<TensorComparison> tensor(String name) {
        return comparisons.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every failing comparison: outputs, gradients, then intermediates. */
    public List<TensorComparison> failures() {
        List<TensorComparison> f = comparisons.stream().filter(c -> !c.passed()).collect(Collectors.toList());
        if (localisation != null) {
            localisation.layers().stream().filter(c -> !c.passed()).forEach(f::add);
        }
        return f;
    }

    /** {@code true} when nothing failed. */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** Multi-line: verdict with the seed, then every failing tensor, then the localisation. */
    public String describe() {
        List<TensorComparison> failed = failures();
        int total = comparisons.size() + (localisation == null ? 0 : localisation.layers().size());
        StringBuilder s = new StringBuilder("parity case '").append(caseName).append("' (seed ").append(seed)
                .append("): ");
        s.append(failed.isEmpty() ? "all " + total + " tensors pass" : failed.size() + " of " + total + " tensors fail");
        for (TensorComparison c : failed) {
            s.append("\n  ").append(c.describe());
        }
        if (localisation != null) {
            s.append("\n  ").append(localisation.describe());
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
