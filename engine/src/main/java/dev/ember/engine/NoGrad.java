package dev.ember.engine;

/**
 * A scope in which ops build no autograd graph; mirrors {@code with torch.no_grad():}.
 *
 * <pre>{@code
 * try (var g = NoGrad.enter()) {
 *     Tensor logits = model.forward(x);   // no graph, no saved tensors
 * }
 * }</pre>
 * Scopes nest and are per thread; closing restores the mode that was active at {@code enter()}.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;
    private boolean closed;

    private NoGrad(boolean enabled) {
        this.previous = GradMode.setEnabled(enabled);
    }

    /** Switches gradient recording off on this thread until {@link #close()}. */
    public static NoGrad enter() {
        return new NoGrad(false);
    }

    /** Switches recording back on inside an outer no-grad scope; mirrors {@code torch.enable_grad}. */
    public static NoGrad enableGrad() {
        return new NoGrad(true);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            GradMode.setEnabled(previous);
        }
    }
}
