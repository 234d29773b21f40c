package dev.ember.tfcompat.legacy;

import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;

/** Maps tfcompat's TF exceptions to the Java exceptions libtensorflow 1.15 throws for the same TF status. */
final class LegacyErrors {
    private LegacyErrors() {
    }

    static RuntimeException map(RuntimeException e) {
        if (e instanceof TFInvalidArgumentException) {
            return new IllegalArgumentException(e.getMessage(), e);
        }
        if (e instanceof TFFailedPreconditionException) {
            return new IllegalStateException(e.getMessage(), e);
        }
        if (e instanceof TFUnimplementedException) {
            return new UnsupportedOperationException(e.getMessage(), e);
        }
        if (e instanceof dev.ember.tfcompat.exceptions.TensorFlowException) {
            return new TensorFlowException(e.getMessage(), e);
        }
        return e;
    }
}
