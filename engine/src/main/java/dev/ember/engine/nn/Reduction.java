package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** How a loss reduces its per-element values; mirrors PyTorch's {@code reduction='none'|'mean'|'sum'}. */
public enum Reduction {
    /** Per-element losses, unreduced ({@code 'none'}). */
    NONE("none"),
    /** Mean of the losses ({@code 'mean'}, the default); weighted losses divide by the total weight. */
    MEAN("mean"),
    /** Sum of the losses ({@code 'sum'}). */
    SUM("sum");

    private final String pyName;

    Reduction(String pyName) {
        this.pyName = pyName;
    }

    /** PyTorch's spelling: {@code none}, {@code mean} or {@code sum}. */
    public String pyName() {
        return pyName;
    }

    /** Parses PyTorch's spelling ({@code "none"}, {@code "mean"}, {@code "sum"}). */
    public static Reduction of(String name) {
        for (Reduction r : values()) {
            if (r.pyName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("reduction must be 'none', 'mean' or 'sum', got '" + name + "'");
    }

    /** Reduces unweighted per-element losses: itself, {@code mean()} or {@code sum()}. */
    Tensor apply(Tensor loss) {
        return switch (this) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
        };
    }
}
