package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.Objects;

/**
 * Base of the loss modules: {@code forward(input, target)} with a {@link Reduction}; mirrors
 * PyTorch's {@code torch.nn.modules.loss._Loss}. Like PyTorch, losses print no settings
 * ({@code CrossEntropyLoss()}); class weights are registered as buffers, so they appear in
 * {@link #stateDict()} and follow {@link #to(dev.ember.engine.DType)}.
 */
public abstract class Loss extends Module {
    /** PyTorch's default {@code ignore_index} of {@code CrossEntropyLoss} and {@code NLLLoss}. */
    public static final long DEFAULT_IGNORE_INDEX = -100;

    private final Reduction reduction;

    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /** The reduction applied to the per-element losses. */
    public Reduction reduction() {
        return reduction;
    }

    /** Computes the loss of {@code input} against {@code target}; mirrors {@code loss_fn(input, target)}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** Always throws: a loss needs {@code (input, target)}. */
    @Override
    public final Tensor forward(Tensor input) {
        throw new IllegalStateException(name() + " is a loss and needs (input, target): call forward(input, target)");
    }
}
