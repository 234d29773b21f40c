package dev.ember.engine;

/**
 * Whether ops record autograd history on this thread; mirrors {@code torch.is_grad_enabled}.
 * Use {@link NoGrad#enter()} to switch it off for a block.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** {@code true} unless inside a {@link NoGrad} scope on this thread. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Sets the mode for this thread and returns the previous one; mirrors {@code torch.set_grad_enabled}. */
    public static boolean setEnabled(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return previous;
    }
}
