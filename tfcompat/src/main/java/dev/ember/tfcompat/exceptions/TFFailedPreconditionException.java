package dev.ember.tfcompat.exceptions;

/** An operation run in the wrong state, e.g. reading an uninitialised variable; mirrors {@code TFFailedPreconditionException}. */
public class TFFailedPreconditionException extends TensorFlowException {
    private static final long serialVersionUID = 1L;

    public TFFailedPreconditionException(String message) {
        super(message);
    }

    public TFFailedPreconditionException(String message, Throwable cause) {
        super(message, cause);
    }
}
