package dev.ember.tfcompat.runtime;

import dev.ember.tfcompat.exceptions.TFFailedPreconditionException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.exceptions.TensorFlowException;

/** Re-raising an error with context (which function, which caller) while keeping its TF error class. */
public final class Errors {
    private Errors() {
    }

    /** {@code e} as the same TF exception class with {@code prefix} before its message. */
    public static TensorFlowException prefixed(String prefix, RuntimeException e) {
        String m = prefix + e.getMessage();
        if (e instanceof TFFailedPreconditionException) {
            return new TFFailedPreconditionException(m, e);
        }
        if (e instanceof TFNotFoundException) {
            return new TFNotFoundException(m, e);
        }
        if (e instanceof TFUnimplementedException) {
            return new TFUnimplementedException(m, e);
        }
        return new TFInvalidArgumentException(m, e);
    }
}
