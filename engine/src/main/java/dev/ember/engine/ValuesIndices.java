package dev.ember.engine;

/**
 * The values and their int64 positions from {@code max(dim)} / {@code min(dim)}; mirrors PyTorch's
 * {@code torch.return_types.max} (a named tuple). Only {@code values} carries gradient.
 */
public record ValuesIndices(Tensor values, Tensor indices) {
    @Override
    public String toString() {
        return "ValuesIndices(values=" + values + ", indices=" + indices + ")";
    }
}
